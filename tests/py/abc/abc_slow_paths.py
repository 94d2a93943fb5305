# _abc: classes whose metaclass has its own __hash__/__eq__ (the cache is
# searched with ==, not by identity), odd __class__ attributes, odd
# __abc_tpflags__ values, _abc_data objects.
import abc, _abc, gc
from abc import ABC, ABCMeta

class HMeta(type):
    def __hash__(cls): return 42
    def __eq__(cls, other): return isinstance(other, HMeta) and cls.__name__[0] == other.__name__[0]

class A(ABC): pass
class X1(metaclass=HMeta): pass
class X2(metaclass=HMeta): pass
class Y(metaclass=HMeta): pass
A.register(X1)
print(issubclass(X1, A), issubclass(X2, A), issubclass(Y, A))
print(sorted(r().__name__ for r in _abc._get_dump(A)[1]), sorted(r().__name__ for r in _abc._get_dump(A)[2]))
print(isinstance(X2(), A), isinstance(Y(), A))

class Weird:
    __class__ = 5
try: print(isinstance(Weird(), A))
except Exception as e: print(type(e).__name__, e)
class Weird2:
    @property
    def __class__(self): raise AttributeError("nope")
try: print(isinstance(Weird2(), A))
except Exception as e: print(type(e).__name__, e)
class Weird3:
    @property
    def __class__(self): raise ValueError("bad")
try: print(isinstance(Weird3(), A))
except Exception as e: print(type(e).__name__, e)

# __subclasshook__ returning a truthy non-bool
class H(ABC):
    @classmethod
    def __subclasshook__(cls, C): return None
try: issubclass(int, H)
except Exception as e: print(type(e).__name__, e)

# _abc_init on an instance
class O: pass
o = O()
try: _abc._abc_init(o)
except Exception as e: print(type(e).__name__, e)
print(hasattr(o, '__abstractmethods__'))
# __abc_tpflags__ huge int
try:
    class Big(ABC):
        __abc_tpflags__ = 1 << 100
except Exception as e: print(type(e).__name__, e)
class NegT(ABC):
    __abc_tpflags__ = -1 & ~(1<<6)
print(NegT.__flags__ & 96)
class BoolT(ABC):
    __abc_tpflags__ = True
print(BoolT.__flags__ & 96, '__abc_tpflags__' in BoolT.__dict__)
# register non-weakrefable? classes always ok. register of a class with __slots__ metaclass
class SM(type):
    __slots__ = ()
class Z(metaclass=SM): pass
A.register(Z); print(issubclass(Z, A))
# dict subclass mapping
import collections.abc as cabc
class D(dict): pass
print(isinstance(D(), cabc.Mapping), isinstance(D(), cabc.MutableMapping), isinstance(D(), cabc.Sequence))
# abstract method deletion via update
print(type(A._abc_impl)() is not None)
try: A._abc_impl.x = 1
except Exception as e: print(type(e).__name__, e)
print(repr(type(A._abc_impl)).startswith("<class '_abc._abc_data'>"))
# __instancecheck__ on an instance of an ABC's metaclass, where the ABC is a tuple member
print(isinstance([], (cabc.Mapping, cabc.Sequence)), issubclass(list, (cabc.Mapping, cabc.Hashable)))
