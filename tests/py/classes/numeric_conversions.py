class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __complex__(self): return complex(self.v, 1)
    def __index__(self): return int(self.v)
    def __round__(self, nd=None):
        return ("round", nd)
    def __bytes__(self): return b"num"
n = Num(3.7)
print(int(n), float(n), complex(n), round(n), round(n, 2), bytes(n), hex(Num(255)))
class OnlyIndex:
    def __index__(self): return 7
print(int(OnlyIndex()), float(OnlyIndex()) if False else "", complex(OnlyIndex()) if False else "")
class OnlyFloat:
    def __float__(self): return 2.5
print(float(OnlyFloat()), complex(OnlyFloat()))
try:
    int(OnlyFloat())
except TypeError as e:
    print(type(e).__name__, e)
class BadInt:
    def __int__(self): return "x"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self): return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
class NoRound: pass
try:
    round(NoRound())
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(NoRound())
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(NoRound())
except TypeError as e:
    print(type(e).__name__, e)
