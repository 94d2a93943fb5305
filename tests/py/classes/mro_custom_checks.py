# A metaclass's mro(): its result is checked (classes only, with a layout
# compatible with the class's), it runs again for the class and its
# subclasses when __bases__ is assigned (an exception undoes the assignment),
# and the first class of the MRO that is a sequence or mapping decides what
# `match` takes.
import collections
import collections.abc


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)


class DictMro(type):
    def mro(cls):
        return [cls, dict, object]


def make_dict_mro():
    class X(object, metaclass=DictMro):
        pass
    return X.__mro__


attempt("layout", make_dict_mro)


class NonClass(type):
    def mro(cls):
        return [cls, 1, object]


def make_non_class():
    class X(metaclass=NonClass):
        pass


attempt("non-class", make_non_class)


class Reversed(type):
    def mro(cls):
        m = type.mro(cls)
        m.reverse()
        return m


class A:
    def f(self):
        return "A"


class B(A):
    def f(self):
        return "B"


class R(B, metaclass=Reversed):
    pass


print([c.__name__ for c in R.__mro__], R().f())


class Base:
    pass


class Disappearing(type):
    def mro(cls):
        del Disappearing.mro
        return (Base,)


def make_disappearing():
    class X(metaclass=Disappearing):
        pass


attempt("left out of its mro", make_disappearing)


# __bases__ assignment re-runs mro() down the hierarchy; an error restores.
calls = []


class WorkOnce(type):
    def __new__(mcls, name, bases, ns):
        mcls.flag = 0
        return super().__new__(mcls, name, bases, ns)

    def mro(cls):
        calls.append(cls.__name__)
        if cls.flag > 0:
            raise RuntimeError("bozo")
        cls.flag += 1
        return type.mro(cls)


class C:
    pass


class C2:
    pass


class D(C):
    pass


class E(D):
    pass


class F(D, metaclass=WorkOnce):
    pass


before = (D.__mro__, E.__mro__, F.__mro__)


def reassign():
    D.__bases__ = (C2,)


attempt("failing mro", reassign)
print(calls, (D.__mro__, E.__mro__, F.__mro__) == before, D.__bases__)


class Logging(type):
    def mro(cls):
        calls.append(cls.__name__)
        return type.mro(cls)


class P(metaclass=Logging):
    pass


class Q(P):
    pass


class S(Q):
    pass


calls.clear()
Q.__bases__ = (P,)
print(calls, [c.__name__ for c in S.__mro__])


# A cycle through the base chain of a class whose MRO is not updated yet.
class Cyc(type):
    ready = False

    def mro(cls):
        if Cyc.ready:
            if cls.__name__ == "B1":
                B2.__bases__ = (B1,)
            if cls.__name__ == "B2":
                B1.__bases__ = (B2,)
        return type.mro(cls)


class Root(metaclass=Cyc):
    pass


class B1(Root):
    pass


class B2(Root):
    pass


Cyc.ready = True


def cycle():
    B1.__bases__ += ()


attempt("cycle", cycle)
Cyc.ready = False
print(B1.__bases__, B2.__bases__)


# Collection flags for `match`: the first in the MRO decides.
def kind(x):
    match x:
        case {}:
            return "map"
        case [*_]:
            return "seq"
    return "neither"


class Plain:
    pass


class M1(collections.UserDict, collections.abc.Sequence):
    pass


class M2(Plain, collections.UserDict, collections.abc.Sequence):
    pass


class M3(dict, collections.abc.Sequence, Plain):
    pass


class S1(collections.UserList, collections.abc.Mapping):
    pass


class S2(Plain, list, collections.abc.Mapping):
    pass


class S3(collections.UserList, dict, Plain):
    pass


for cls in (M1, M2, M3, S1, S2, S3, Plain):
    print(cls.__name__, kind(cls()))
