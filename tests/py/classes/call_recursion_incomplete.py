# Calling an instance whose class's __call__ is an instance of the class
# recurses in C in CPython: a RecursionError, never a stack overflow. A
# metaclass's mro() that subclasses the class it is computing: TypeError.
import sys

class A:
    pass
A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print(type(e).__name__, e)

class B(object):
    pass
B.__call__ = B()
try:
    B()(1, x=2)
except RecursionError as e:
    print(type(e).__name__, e)

# A normal __call__ still works, and deep recursion through it still ends.
class C:
    def __call__(self, n):
        return n if n == 0 else self(n - 1)
print(C()(100))
try:
    C()(10 ** 6)
except RecursionError as e:
    print(type(e).__name__)

class M(type):
    def mro(cls):
        print("mro of", cls.__name__, cls.__mro__)
        if cls.__mro__ is None and cls.__name__ != 'X':
            try:
                class X(cls):
                    pass
            except TypeError as e:
                print(type(e).__name__, e)
        return type.mro(cls)

class D(metaclass=M):
    pass
print([k.__name__ for k in D.__mro__])

class M2(type):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ == 'E':
            try:
                class Y(int, cls):
                    pass
            except TypeError as e:
                print(type(e).__name__, e)
        return type.mro(cls)

class E(metaclass=M2):
    pass
print([k.__name__ for k in E.__mro__])

# raise of a class whose constructor returns no exception.
class F(Exception):
    def __new__(cls, *args):
        return cls
try:
    raise F
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise F("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError from F
except ValueError as e:
    print(type(e).__name__, type(e.__cause__))
