# What sequence and mapping patterns take: the builtin sequences and
# mappings, their subclasses, and subclasses of collections.abc.Sequence and
# Mapping (their __abc_tpflags__), never str/bytes/bytearray (CPython 3.11).
import collections, collections.abc, array
class S(collections.abc.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i
class M(collections.abc.Mapping):
    def __init__(self): self.d = {"a": 1}
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return 1
class Both(S, M): pass
class Both2(M, S): pass
def m(x):
    match x:
        case {"a": v}: return ("map", v)
        case [a, *rest]: return ("seq", a, rest)
        case _: return "other"
for x in [S(3), M(), Both(2), Both2(), [1, 2], (3,), range(2), memoryview(b"xy"), array.array("b", [5, 6]),
          collections.deque([7]), collections.OrderedDict(a=9), collections.defaultdict(int, a=8), "ab", b"ab",
          bytearray(b"a"), {"a": 0}, type("D", (dict,), {})(a=3), collections.UserList([1]), collections.ChainMap({"a": 4})]:
    print(type(x).__name__, m(x))
print("__abc_tpflags__" in collections.abc.Sequence.__dict__, collections.abc.Sequence.__flags__ & 96, dict.__flags__ & 96, list.__flags__ & 96)
try:
    class Bad(collections.abc.Collection):
        __abc_tpflags__ = collections.abc.Sequence.__flags__ | collections.abc.Mapping.__flags__
except TypeError as e:
    print("TypeError", e)
