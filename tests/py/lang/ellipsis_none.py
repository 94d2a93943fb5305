print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
print(None, type(None).__name__, NotImplemented, type(NotImplemented).__name__)
def f():
    ...
print(f())
x = [1, ..., 2]
print(x, x[1] is ...)
print(None == None, None is None, None != 0, bool(None))
try:
    n = None
    n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
print(repr(None), str(None), f"{None}", f"{...}")
print(type(None)() is None, type(...)() is ...)
