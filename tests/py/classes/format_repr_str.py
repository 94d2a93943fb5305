class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"
    def __str__(self): return f"({self.x}, {self.y})"
    def __format__(self, spec):
        if spec == "polar":
            return "polar!"
        return format(str(self), spec)
p = P(1, "a")
print(p, repr(p), str(p), [p], (p,), {"k": p})
print(f"{p}", f"{p!r}", f"{p:polar}", f"{p:>12}", "{0:<10}|".format(p))
print("%s %r" % (p, p))
class OnlyRepr:
    def __repr__(self): return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class OnlyStr:
    def __str__(self): return "only str"
print(OnlyStr(), repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))
class NoFormat: pass
try:
    format(NoFormat(), "d")
except TypeError as e:
    print(type(e).__name__, e)
print(format(NoFormat(), "")[:20])
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec): return 1
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
print(repr(P).startswith("<class '__main__.P'>"), str(int), repr(type))
