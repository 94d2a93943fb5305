def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError as e:
        return "lookup " + type(e).__name__
    except ArithmeticError:
        return "arith"
    except Exception as e:
        return "generic " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__
for exc in [KeyError(), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(), ValueError(), SystemExit(), GeneratorExit(), UnicodeDecodeError("utf-8", b"", 0, 1, "r")]:
    print(classify(exc))
errs = (ValueError, (TypeError, (KeyError,)))
try:
    try:
        raise KeyError("nested tuple")
    except errs as e:
        print("nested tuple matched", repr(e))
except TypeError as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
flat = (ValueError, KeyError)
try:
    raise KeyError("flat tuple")
except flat as e:
    print("flat tuple matched", repr(e))
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise ValueError
    except (ValueError, "str"):
        print("matched first element before bad one")
except TypeError as e:
    print(type(e).__name__, e)
def handler_expr():
    print("evaluating except expression")
    return KeyError
try:
    raise KeyError
except handler_expr():
    print("caught via expression")
try:
    pass
except handler_expr():
    pass
print("not evaluated when nothing raised")
