class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
class A(metaclass=Meta, flag=True):
    x = 1
    def m(self): pass
    def __init__(self, v):
        print("A.__init__", v)
a = A(5)
print(type(A).__name__, A.created_by, type(a).__name__)
class B(A):
    y = 2
print(type(B).__name__, isinstance(B, Meta), isinstance(B, type))
class M2(type):
    pass
try:
    class C(A, metaclass=M2): pass
except TypeError as e:
    print(type(e).__name__, e)
class Sub(Meta): pass
class D(A, metaclass=Sub): pass
print(type(D).__name__)
print(type(type), type(object), isinstance(type, object), isinstance(object, type))
