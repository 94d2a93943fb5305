class suppress:
    def __init__(self, *excs): self.excs = excs
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        self.caught = ev
        return et is not None and issubclass(et, self.excs)
with suppress(KeyError) as s:
    {}["x"]
print("suppressed", repr(s.caught))
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed", repr(e))
with suppress(LookupError) as s:
    [][1]
print("subclass suppressed", repr(s.caught))
def f():
    with suppress(ValueError):
        int("x")
        return "unreached"
    return "after with"
print(f())
class ExitSeesTraceback:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et.__name__, type(tb).__name__, ev.__traceback__ is tb)
        return True
with ExitSeesTraceback():
    raise RuntimeError("r")
class ExitReturnsTruthyNonBool:
    def __enter__(self): pass
    def __exit__(self, *a): return "yes"
with ExitReturnsTruthyNonBool():
    raise ValueError
print("truthy string suppresses")
class ReplaceExc:
    def __enter__(self): pass
    def __exit__(self, et, ev, tb):
        raise KeyError("replacement") from ev
try:
    with ReplaceExc():
        raise ValueError("orig")
except KeyError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
