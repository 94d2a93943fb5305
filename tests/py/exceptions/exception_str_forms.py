class Coded(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
c = Coded(7)
print(str(c), repr(c), c.args, c.code)
class NoArgsInit(Exception):
    def __init__(self, x):
        super().__init__()
        self.x = x
n = NoArgsInit(3)
print(repr(str(n)), repr(n), n.args)
class StrOverride(Exception):
    def __str__(self):
        return "overridden " + ",".join(map(str, self.args))
s = StrOverride(1, 2)
print(str(s), repr(s), f"{s}", "%s" % s)
for args in [(), (None,), ("",), (0,), ([],), ("a", "b"), (("t",),), ({"k": 1},)]:
    e = Exception(*args)
    print(repr(args), "->", repr(str(e)), repr(e))
print(str(KeyError(None)), str(KeyError("")), str(KeyError(1, 2)), repr(KeyError()))
print(str(UnicodeError()), str(OSError()), str(OSError(1)), str(OSError(1, 2)), str(OSError(1, 2, 3)))
