class A:
    __secret = 1
    def __init__(self):
        self.__x = "ax"
        self.__y__ = "dunder not mangled"
    def get(self):
        return self.__x, A.__secret
    def __private(self):
        return "private A"
    def call(self):
        return self.__private()
class B(A):
    def __init__(self):
        super().__init__()
        self.__x = "bx"
    def getb(self):
        return self.__x
b = B()
print(b.get(), b.getb())
print(sorted(k for k in vars(b)))
print(b._A__x, b._B__x, A._A__secret)
print(b.call())
try:
    b.__x
except AttributeError as e:
    print(type(e).__name__, e)
class _Under:
    def m(self):
        self.__v = 1
        return sorted(vars(self))
print(_Under().m())
class C:
    def f(self):
        __local = 5
        return __local
    def g(self):
        return getattr(self, "__attr", "getattr strings not mangled")
print(C().f(), C().g())
print(C.f.__code__.co_varnames)
