class Range:
    def __init__(self, lo, hi): self.lo, self.hi = lo, hi
    def __contains__(self, x):
        print("contains", x)
        return self.lo <= x < self.hi
r = Range(1, 5)
print(3 in r, 7 in r, 3 not in r)
class TruthyContains:
    def __contains__(self, x): return "nonempty"
print(1 in TruthyContains())
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], "abc"[Idx(-1)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), range(Idx(3)), [0] * Idx(2))
print(int(Idx(7)) if hasattr(int, "__index__") else "", (1).__index__())
class BadIdx:
    def __index__(self): return "no"
try:
    lst[BadIdx()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst[Range(0, 1)]
except TypeError as e:
    print(type(e).__name__, e)
class Caller:
    def __call__(self, *a, **k): return ("called", a, k)
print(Caller()(1, x=2))
