vals = [1, -1.5, 1e300, "s", "it's", 'q"', b"b", None, True, [1, "a"], (1,), (), {"k": 1}, {1}, frozenset({2}), range(3), slice(1, None), 1 + 2j, ..., NotImplemented, int, len, type(None)]
for v in vals:
    print(repr(v))
class R:
    def __repr__(self): return "R()"
print(repr(R()), repr([R(), R()]), repr({"r": R()}))
class NoRepr: pass
print(repr(NoRepr()).startswith("<__main__.NoRepr object at 0x"))
print(repr(lambda: 0).startswith("<function <lambda> at 0x"), repr(print), repr(len), repr([].append).startswith("<built-in method append of list object at"))
print(repr(R.__repr__).startswith("<function R.__repr__ at"), repr(int.__add__), repr(str.upper))
