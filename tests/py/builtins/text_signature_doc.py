# A builtin's docstring may start with its signature ("name(params)\n--\n\n"):
# __doc__ is the rest, __text_signature__ the parameters, and
# inspect.signature reads it (dataclasses does for classes without __init__).
import dataclasses
import fcntl
import inspect
import types

print(repr(object.__text_signature__), repr(object.__doc__.splitlines()[0]))
print(inspect.signature(object))


class Plain:
    pass


print(inspect.signature(Plain))
print(inspect.signature(fcntl.fcntl))
print(repr(int.__text_signature__))


class WithSig:
    "WithSig(a, b)\n--\n\nA class whose doc starts with a signature."


print(repr(WithSig.__text_signature__), repr(WithSig.__doc__))


class NoSig:
    "NoSig(a, b)\n\n--\n\nblank line before the marker"


print(repr(NoSig.__text_signature__))


@dataclasses.dataclass(init=False)
class NoInit:
    x: int = 0


print(inspect.signature(NoInit), NoInit().x)


# GenericAlias subclasses make instances of themselves.
@dataclasses.dataclass
class Alias(types.GenericAlias):
    origin: type
    args: type


a = Alias(list, int)
print(type(a).__name__, dataclasses.is_dataclass(a), a.__origin__, a.__args__)
