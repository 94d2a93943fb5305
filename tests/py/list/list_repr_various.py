print([], [[]], [None, True, 1.0, "s", b"b", (1,), {"k": [1]}, {1, 2}, frozenset(), range(3), slice(1, 2), ..., NotImplemented])
print(str(["a'b", 'c"d', "\n"]), repr(["é"]), ascii(["é"]), f"{[1, 2]!r}", "%s" % [[1], [2]])
class R:
    def __repr__(self): return "R!"
    def __str__(self): return "str R"
print([R()], str([R()]), f"{[R()]}")
print(repr(list(range(20))))
print([1.0, -0.0, float("inf"), 1e100, 0.1, 1 + 2j])
