def leaves(eg, depth=0):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            print("  " * depth + f"group {e.message!r} ({len(e.exceptions)})")
            leaves(e, depth + 1)
        else:
            print("  " * depth + repr(e))
tree = ExceptionGroup("root", [
    ValueError(1),
    ExceptionGroup("mid", [TypeError(2), ExceptionGroup("leafgroup", [KeyError(3), ValueError(4)])]),
    OSError(5),
])
leaves(tree)
vals, rest = tree.split(ValueError)
print("values:"); leaves(vals, 1)
print("rest:"); leaves(rest, 1)
print(tree.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "mid") is not None)
print(repr(tree.subgroup(lambda e: e is tree)))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
m = MyEG("custom", [ValueError(), KeyError()])
a, b = m.split(ValueError)
print(type(a).__name__, a.message, type(b).__name__, b.message)
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("two", [ValueError(), KeyError()])))
