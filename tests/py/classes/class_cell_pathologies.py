# The implicit __class__ cell: a class attribute named __class__, global or
# nonlocal __class__ in a class body next to methods that use the cell, a
# metaclass that returns no class (no check then) and one whose mro() calls
# a method that reads __class__ (the cell is set before the MRO).
class A:
    def f(self):
        return 'A'

class X(A):
    def f(self):
        return super().f()
    __class__ = 413
x = X()
print(x.f(), x.__class__)

try:
    exec("""class X:
    __class__
    def f():
        __class__""", globals(), {})
except NameError as e:
    print(type(e).__name__, e)

class X:
    global __class__
    __class__ = 42
    def f():
        return __class__
print(globals()["__class__"], X.f() is X)
del globals()["__class__"]
print("__class__" in X.__dict__)

def outer():
    __class__ = 1
    class X:
        nonlocal __class__
        __class__ = 42
        def f():
            return __class__
    print(__class__, "__class__" in X.__dict__, X.f() is X)
outer()

ns = None
class Meta(type):
    def __new__(cls, name, bases, namespace):
        global ns
        ns = namespace
        return None
class B(metaclass=Meta):
    @staticmethod
    def f():
        return __class__
print(B)
C = type("C", (), ns)
print(C.f() is C)

seen = []
class Meta2(type):
    def mro(self):
        self.__dict__["f"]()
        return super().mro()
class D(metaclass=Meta2):
    def f():
        seen.append(__class__)
print(seen[0] is D)

# LOAD_GLOBAL subscripts a dict subclass used as globals (__missing__).
class MyGlobals(dict):
    def __missing__(self, key):
        if not key.startswith("_number_"):
            raise KeyError(key)
        return int(key.removeprefix("_number_"))
code = "lambda: " + "+".join(f"_number_{i}" for i in range(100))
f = eval(code, MyGlobals())
print([f() for _ in range(3)])
g = MyGlobals(print=print)
exec("def h(): return len(_number_7 * 'x')\nprint(h())", g)
exec("try:\n    print(_number_3)\nexcept NameError as e:\n    print('NameError', e)", g)
