def f():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("finally after handler raised")
try:
    f()
except TypeError as e:
    print(repr(e), repr(e.__context__))
def g():
    try:
        raise ValueError("v")
    except ValueError as e:
        e.args = ("modified",)
        raise
try:
    g()
except ValueError as e:
    print(repr(e))
def h():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "handled"
    finally:
        print("finally in h")
print(h())
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise KeyError("from else")
try:
    else_raises()
except KeyError as e:
    print(repr(e), e.__context__)
def finally_raises_replaces():
    try:
        raise ValueError("original")
    finally:
        raise RuntimeError("finally wins")
try:
    finally_raises_replaces()
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
