excs = [Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("key"), KeyError(1, 2),
        IndexError(), StopIteration(5), StopIteration(), SystemExit(3), SystemExit(), SystemExit("msg"),
        OSError(2, "No such file"), OSError("just msg"), OSError(1, "e", "fname"), AttributeError("attr"),
        NameError("nm"), UnicodeError("u"), AssertionError(1, 2, 3), RuntimeError([1])]
for e in excs:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
o = OSError(2, "No such file", "f.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, o)
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__, type(OSError(999, "x")).__name__)
e = Exception("x")
e.args = ("changed", 1)
print(e, repr(e))
e.args = []
print(repr(e), e.args)
print(BaseException("b").with_traceback(None).args)
try:
    {}["missing"]
except KeyError as e:
    print(e.args, str(e))
try:
    [].pop()
except IndexError as e:
    print(e.args)
