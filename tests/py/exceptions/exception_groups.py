eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ValueError(2)])
print(repr(eg), str(eg), eg.message, len(eg.exceptions))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
print(repr(nested.subgroup(ValueError)))
m, r = nested.split(lambda e: isinstance(e, ValueError) and e.args[0] == "c")
print(repr(m), repr(r))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("base", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
b = BaseExceptionGroup("base ok", [KeyboardInterrupt()])
print(type(b).__name__)
b2 = BaseExceptionGroup("auto", [ValueError()])
print(type(b2).__name__)
d = eg.derive([KeyError("d")])
print(repr(d))
