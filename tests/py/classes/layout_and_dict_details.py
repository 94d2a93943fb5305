# Instance layout details CPython's test_descr checks: __slots__ in sorted
# order, __class__ assignment between compatible layouts only, deleting an
# instance's __dict__, the __dict__ of instances of classes that also derive
# from a builtin with a dict (metaclasses, ModuleType), __weakref__ only when
# the builtin base has no weak list, a class whose __new__ is a builtin's
# __new__, sys.getsizeof through a descriptor, and __getnewargs_ex__ checks.
import sys
import types
import weakref


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)


class H:
    __slots__ = ["b", "a", "__c"]
    x = 1


print(list(H.__dict__), H.__slots__)


class G:
    __slots__ = ["a", "b"]


class H2:
    __slots__ = ["b", "a"]


class L(H2):
    __slots__ = ["e"]


class M(G):
    __slots__ = ["e"]


class J:
    __slots__ = ["c", "b"]


class N(J):
    __slots__ = ["__weakref__"]


class P(J):
    __slots__ = ["__dict__"]


class Q(J):
    pass


class R(J):
    __slots__ = ["__dict__", "__weakref__"]


class Plain:
    pass


class Plain2:
    pass


class F(Plain, Plain2):
    pass


def assign(a, b):
    x = a()
    x.__class__ = b
    return type(x).__name__


for a, b in ((G, H2), (H2, G), (L, M), (N, P), (P, R), (Q, R), (R, Q), (Plain, F), (F, Plain2), (G, J)):
    attempt("%s -> %s" % (a.__name__, b.__name__), lambda: assign(a, b))

g = G()
g.a, g.b = 1, 2
g.__class__ = H2
print(g.a, g.b)


class C:
    pass


c = C()
c.x = 1
del c.__dict__
print(c.__dict__, hasattr(c, "x"))
c.y = 2
print(c.__dict__)
attempt("del staticmethod dict", lambda: delattr(staticmethod(len), "__dict__"))
attempt("del namespace dict", lambda: delattr(types.SimpleNamespace(), "__dict__"))


class Base:
    pass


class Meta(Base, type):
    pass


class K(metaclass=Meta):
    pass


print(type(K.__dict__).__name__, "__module__" in K.__dict__)
attempt("set class dict", lambda: setattr(K, "__dict__", {}))
attempt("descr set", lambda: Base.__dict__["__dict__"].__set__(K, {}))


class Mod(Base, types.ModuleType):
    pass


m = Mod("spam")
m.__dict__["spam"] = "eggs"
print(m.spam, types.ModuleType.__dict__["__dict__"])
attempt("set module dict", lambda: setattr(m, "__dict__", {}))
attempt("del module dict", lambda: delattr(m, "__dict__"))

for b in (type, set, frozenset, types.ModuleType, list, dict, Exception, object):
    cls = type("Sub", (b,), {})
    print(b.__name__, "__weakref__" in cls.__dict__)


class S(set):
    pass


print(weakref.ref(S()) is not None)


class A:
    def __new__(cls, *args):
        raise AssertionError


class B(A):
    __new__ = object.__new__

    def __init__(self, x):
        self.x = x


class B2:
    __new__ = object.__new__

    def __init__(self, x):
        self.x = x


attempt("object.__new__ over a Python __new__", lambda: B(3).x)
attempt("object.__new__ over object's", lambda: B2(3).x)


class Descr:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, owner):
        print("__get__", owner.__name__)
        return self.f.__get__(obj, owner)


class Sized:
    __sizeof__ = Descr(lambda self: 7)


class NoSize:
    __sizeof__ = None


print(sys.getsizeof(Sized()) > 7)
print(sys.getsizeof(NoSize(), "default"))
attempt("getsizeof None", lambda: sys.getsizeof(NoSize()))

args = (-101, "spam")
kwargs = {"bacon": -201}
for ret in ((args, "bad dict"), ("bad tuple", kwargs), (), "bad args", (args, kwargs)):
    class NA:
        def __getnewargs_ex__(self, ret=ret):
            return ret
    attempt("getnewargs_ex %r" % (ret,), lambda: NA().__reduce_ex__(2)[0].__name__)
