import sys
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def f():
    try:
        raise ValueError("orig")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise
try:
    f()
except Exception as e:
    print("re-raised", repr(e), repr(e.__context__))
def g():
    try:
        raise TypeError("t")
    except TypeError as e:
        err = e
    raise err
try:
    g()
except TypeError as e:
    print("raised saved", repr(e))
def h():
    try:
        1 / 0
    except ZeroDivisionError:
        print("in handler", sys.exc_info()[0].__name__)
    print("after handler", sys.exc_info())
h()
def deep():
    try:
        raise ValueError("deep")
    except ValueError:
        def inner():
            raise
        inner()
try:
    deep()
except ValueError as e:
    print("bare raise in nested function:", repr(e))
