print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(1e-300), bool(""), bool(" "), bool([]), bool([0]), bool({}), bool(None), bool(0j), bool(range(0)), bool(range(1)))
print(bool.__name__, bool(bool), type(bool(1)).__name__, bool("False"))
print(callable(len), callable(lambda: 0), callable(int), callable(5), callable("s"), callable(print), callable(object()), callable(type))
class C:
    def m(self): pass
    def __call__(self): pass
class D:
    pass
print(callable(C), callable(C()), callable(C().m), callable(D()), callable(D), callable(C.m), callable(staticmethod(len)) if False else "skip")
d = D()
d.__call__ = lambda: 1
print(callable(d))
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
