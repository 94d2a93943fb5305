e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("inside:", repr(e))
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
def f():
    x = 1
    try:
        1 / 0
    except ZeroDivisionError as x:
        pass
    return "x" in locals()
print(f())
def g():
    try:
        raise KeyError
    except KeyError as exc:
        saved = exc
    return type(saved).__name__
print(g())
def h():
    try:
        raise TypeError
    except TypeError as h_exc:
        del h_exc
    return "deleting inside handler is fine"
print(h())
