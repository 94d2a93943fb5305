class WithCall:
    def __call__(self): return "called"
class Meta(type):
    def __call__(cls, *a): return ("meta-called", cls.__name__)
class M(metaclass=Meta): pass
things = [len, print, int, str.upper, "s".upper, lambda: 0, WithCall(), WithCall, M, M(), 5, "s", None, [].append, type, object(), staticmethod(len), classmethod(len), property(len)]
for t in things:
    print(type(t).__name__, callable(t))
print(WithCall()(), M(), M.__class__.__name__)
