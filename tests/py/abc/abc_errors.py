# _abc: error messages.
import _abc
from abc import ABC, ABCMeta


class A(ABC):
    pass


def attempt(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


attempt(A.register, 3)
attempt(A.register, A())
attempt(A.register, "str")
attempt(issubclass, 3, A)
attempt(issubclass, A(), A)
attempt(_abc._abc_subclasscheck, A, 3)


class B(A):
    pass


attempt(B.register, A)          # a cycle
attempt(A.register, B)          # already a subclass
attempt(A.register, A)          # no-op


class NoImpl:
    pass


attempt(_abc._get_dump, NoImpl)
attempt(_abc._abc_register, NoImpl, int)
attempt(_abc._reset_caches, NoImpl)
attempt(_abc._reset_registry, NoImpl)
attempt(_abc._abc_instancecheck, NoImpl, 1)


class Wrong:
    _abc_impl = 5


attempt(_abc._get_dump, Wrong)
attempt(_abc._abc_subclasscheck, Wrong, int)
attempt(_abc._abc_instancecheck, Wrong, 1)

# Argument counts and keywords.
attempt(_abc._abc_register, A)
attempt(_abc._abc_instancecheck, A, 1, 2)
attempt(_abc._abc_subclasscheck)
attempt(_abc._abc_init)
attempt(_abc.get_cache_token, 1)
try:
    _abc._abc_register(A, int, x=1)
except TypeError as e:
    print(type(e).__name__, e)


# __subclasses__ that does not return a list.
class Meta(ABCMeta):
    def __subclasses__(cls):
        return ()


class C(metaclass=Meta):
    pass


attempt(issubclass, int, C)


# _abc_data objects.
T = type(A._abc_impl)
print(T.__name__, T.__module__, type(T()).__name__, type(T(1, x=2)).__name__)
attempt(lambda: T.__base__)
try:
    class Sub(T):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# The signatures (the docstrings' text is each implementation's own).
print(type(_abc.__doc__).__name__, bool(_abc.__doc__))
for name in ["get_cache_token", "_abc_init", "_abc_register", "_abc_instancecheck",
             "_abc_subclasscheck", "_get_dump", "_reset_registry", "_reset_caches"]:
    f = getattr(_abc, name)
    print(name, f.__text_signature__, type(f.__doc__).__name__, bool(f.__doc__))
print(sorted(n for n in dir(_abc) if not n.startswith("__")))
