# _abc: __subclasshook__, __abstractmethods__ computed by _abc_init, and
# how instances and subclasses are checked.
import abc
import _abc
from abc import ABC, ABCMeta, abstractmethod


class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


print(issubclass(list, Sized), issubclass(int, Sized), isinstance("", Sized), isinstance(1, Sized))
reg, cache, neg, _ = _abc._get_dump(Sized)
print(sorted(r().__name__ for r in cache), sorted(r().__name__ for r in neg))


class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class Sub(Never):
    pass


print("hook False beats inheritance:", issubclass(Sub, Never), isinstance(Sub(), Never))


class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print(type(e).__name__, e)


# Abstract methods.
class Base(ABC):
    @abstractmethod
    def f(self): ...

    @property
    @abstractmethod
    def p(self): ...

    @classmethod
    @abstractmethod
    def c(cls): ...

    @staticmethod
    @abstractmethod
    def s(): ...

    def concrete(self):
        return 1


print(sorted(Base.__abstractmethods__), type(Base.__abstractmethods__).__name__)
try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)


class Half(Base):
    def f(self):
        return 2

    p = 3


print(sorted(Half.__abstractmethods__))


class Full(Half):
    @classmethod
    def c(cls):
        pass

    @staticmethod
    def s():
        pass


print(sorted(Full.__abstractmethods__), Full().f())


class Again(Full):
    f = abstractmethod(lambda self: None)


print(sorted(Again.__abstractmethods__))


# Something whose __isabstractmethod__ raises.
class Boom:
    @property
    def __isabstractmethod__(self):
        raise ValueError("boom")


try:
    class X(ABC):
        b = Boom()
except ValueError as e:
    print(type(e).__name__, e)


# A base whose __abstractmethods__ is not iterable.
class Odd:
    __abstractmethods__ = 5


try:
    class Y(Odd, metaclass=ABCMeta):
        pass
except TypeError as e:
    print(type(e).__name__, e)


# A non-str name in a base's __abstractmethods__.
class Odd2:
    __abstractmethods__ = [1]


try:
    class Z(Odd2, metaclass=ABCMeta):
        pass
except TypeError as e:
    print(type(e).__name__, e)


# _abc_init on an ordinary class through the function itself.
class Plain:
    def g(self):
        pass
    g.__isabstractmethod__ = True


_abc._abc_init(Plain)
print(sorted(Plain.__abstractmethods__), type(Plain._abc_impl).__name__)
print(_abc._abc_instancecheck(Plain, 5), _abc._abc_subclasscheck(Plain, Plain))


# update_abstractmethods recomputes through the same rules.
class U(ABC):
    @abstractmethod
    def m(self): ...


U.m = lambda self: 0
abc.update_abstractmethods(U)
print(sorted(U.__abstractmethods__), U().m())


# Metaclass with __instancecheck__ / __subclasscheck__ overridden in a subclass.
class Meta(ABCMeta):
    def __subclasscheck__(cls, sub):
        print("  subclasscheck", cls.__name__, sub.__name__)
        return super().__subclasscheck__(sub)


class M(metaclass=Meta):
    pass


class N(M):
    pass


print(isinstance(N(), M))
print(isinstance(3, M))


# An ABC in a subclass relationship through __subclasses__ of a registered ABC.
class Root(ABC):
    pass


class Mid(Root):
    pass


class Leaf:
    pass


Mid.register(Leaf)
print(issubclass(Leaf, Root), isinstance(Leaf(), Root))
