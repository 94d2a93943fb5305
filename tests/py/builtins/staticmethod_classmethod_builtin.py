def plain(*args): return args
class C:
    s = staticmethod(plain)
    c = classmethod(plain)
    i = plain
obj = C()
print(C.s(1), obj.s(1), C.c(1)[0].__name__, obj.c(1)[0].__name__, obj.i(1)[0] is obj, C.i(5))
sm = C.__dict__["s"]
cm = C.__dict__["c"]
print(type(sm).__name__, type(cm).__name__, sm.__func__ is plain, cm.__func__ is plain, callable(sm))
print(sm.__get__(None, C)(7), cm.__get__(None, C)(8)[1], cm.__get__(obj)(9)[0].__name__)
class D:
    @classmethod
    @property
    def name_prop(cls): return cls.__name__.upper()
print(D.name_prop if False else "classmethod-property chaining skipped")
print(staticmethod(len)("abc"), staticmethod.__name__, classmethod.__name__)
print(isinstance(sm, staticmethod), isinstance(cm, classmethod), sm.__wrapped__ is plain)
