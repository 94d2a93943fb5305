# _abc: the sequence / mapping flags that `match` reads, set by
# __abc_tpflags__ in _abc_init and by register() on Sequence / Mapping.
import collections
import collections.abc as cabc
from abc import ABC, ABCMeta

SEQ = 1 << 5
MAP = 1 << 6


def kind(x):
    match x:
        case {}:
            return "mapping"
        case [*_]:
            return "sequence"
        case _:
            return "other"


def flags(cls):
    return ("S" if cls.__flags__ & SEQ else "-") + ("M" if cls.__flags__ & MAP else "-")


print(flags(cabc.Sequence), flags(cabc.MutableSequence), flags(cabc.Mapping), flags(cabc.MutableMapping))
print(flags(cabc.Collection), flags(cabc.Set), flags(list), flags(dict), flags(str))
print("__abc_tpflags__" in cabc.Sequence.__dict__, "__abc_tpflags__" in cabc.Mapping.__dict__)


class S1:
    def __len__(self):
        return 0

    def __getitem__(self, i):
        raise IndexError


class M1:
    pass


print(kind(S1()), kind(M1()))
cabc.Sequence.register(S1)
cabc.Mapping.register(M1)
print(kind(S1()), kind(M1()), flags(S1), flags(M1))


# Subclasses created before registration get the flag too.
class P:
    pass


class Q(P):
    pass


class R(Q):
    pass


cabc.MutableSequence.register(P)
print(kind(P()), kind(Q()), kind(R()), flags(R))

# Re-registering with the other ABC switches the flag down the tree.
cabc.MutableMapping.register(Q)
print(kind(P()), kind(Q()), kind(R()), flags(Q))


# Builtin types keep their flags.
class T:
    pass


cabc.Mapping.register(bytearray)
print(kind(bytearray()), flags(bytearray))
print(kind("abc"), kind(b"x"), kind(range(2)), kind(collections.deque()), kind(collections.OrderedDict()))


# An ABC with __abc_tpflags__ of its own.
class MySeq(ABC):
    __abc_tpflags__ = SEQ


class MyMap(metaclass=ABCMeta):
    __abc_tpflags__ = MAP


class Sub(MySeq):
    pass


print(flags(MySeq), flags(MyMap), flags(Sub), "__abc_tpflags__" in MySeq.__dict__)
print(kind(Sub()), kind(MyMap.register(type("V", (), {}))()))

# Non-int __abc_tpflags__: removed, nothing set.
class Str(ABC):
    __abc_tpflags__ = "x"


print(flags(Str), "__abc_tpflags__" in Str.__dict__)

# Other bits are ignored.
class Other(ABC):
    __abc_tpflags__ = 1 << 10


print(flags(Other))

# Both bits: TypeError.
try:
    class Both(ABC):
        __abc_tpflags__ = SEQ | MAP
except TypeError as e:
    print(type(e).__name__, e)

# A plain class keeps its __abc_tpflags__ and gets no flag.
class Plain:
    __abc_tpflags__ = SEQ


print(flags(Plain), Plain.__abc_tpflags__, kind(Plain()))


# A mapping ABC's subclass that registers with Sequence: the flag inherited
# from Mapping is replaced.
class MyMapping(cabc.Mapping):
    def __getitem__(self, k):
        raise KeyError(k)

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


print(kind(MyMapping()), flags(MyMapping))
