try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("no from")
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][0]
    except IndexError:
        raise TypeError("from None") from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("x") from KeyError
except ValueError as e:
    print(repr(e.__cause__), type(e.__cause__).__name__)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
e = ValueError("manual")
e.__cause__ = KeyError("c")
print(e.__suppress_context__, repr(e.__cause__))
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
