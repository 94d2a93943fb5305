# __index__/__int__/__float__/__complex__ returning a strict subclass of
# the builtin: a DeprecationWarning and the plain value (CPython 3.11);
# int() through __trunc__ is deprecated; an int subclass's own __index__
# is not called by operator.index. Keywords in subclass constructors go to
# the subclass's own __init__/__new__. type.__flags__ in CPython's bits.
import warnings

class MyInt(int):
    pass
class MyFloat(float):
    pass
class MyComplex(complex):
    pass

class I:
    def __index__(self):
        return MyInt(7)
class N:
    def __int__(self):
        return True
class F:
    def __float__(self):
        return MyFloat(2.5)
class C:
    def __complex__(self):
        return MyComplex(1, 2)
class T:
    def __trunc__(self):
        return 42
class SubWithIndex(int):
    def __index__(self):
        return 99

def run(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = f()
    print(label, repr(r), type(r).__name__)
    for x in w:
        print("  ", x.category.__name__, x.message)

run("index", lambda: [10, 20, 30, 40, 50, 60, 70, 80][I()])
run("range index", lambda: range(10)[I()])
run("int", lambda: int(N()))
run("float", lambda: float(F()))
run("complex", lambda: complex(C()))
run("trunc", lambda: int(T()))
run("sub index", lambda: [0, 1, 2][SubWithIndex(1)])
import operator
run("operator.index", lambda: operator.index(SubWithIndex(5)))
run("operator.index 2", lambda: operator.index(I()))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for label, f in [("int", lambda: int(N())), ("float", lambda: float(F())),
                     ("trunc", lambda: int(T()))]:
        try:
            f()
        except DeprecationWarning as e:
            print("error", label, e)

class L(list):
    def __init__(self, arg, extra=None):
        super().__init__(arg)
        self.extra = extra
class Tu(tuple):
    def __new__(cls, arg, extra=None):
        self = super().__new__(cls, arg)
        self.extra = extra
        return self
class Fl(float):
    def __init__(self, arg, extra=None):
        self.extra = extra
class Fs(frozenset):
    def __init__(self, arg, extra=None):
        self.extra = extra
for cls in (L, Tu, Fl, Fs):
    o = cls([1] if cls is not Fl else 1.5, extra=3)
    print(cls.__name__, o.extra, sorted(o) if cls is Fs else o)
for cls in (list, tuple, float, frozenset, set):
    class Plain(cls):
        pass
    for c in (cls, Plain):
        try:
            c(x=1)
        except TypeError as e:
            print(c.__name__, "TypeError", e)

class A:
    pass
class B(A):
    pass
for t in (A, object, int, bool, list, tuple, bytes, str, dict, type, ValueError, MyInt):
    f = t.__flags__
    print(t.__name__, [b for b in (8, 9, 10, 24, 25, 26, 27, 28, 29, 30, 31) if f & (1 << b)])
