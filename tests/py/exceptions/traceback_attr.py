import sys
def f():
    raise ValueError("tb")
try:
    f()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb is not None)
    depth = 0
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        depth += 1
        tb = tb.tb_next
    print(depth, names)
e = ValueError("never raised")
print(e.__traceback__)
try:
    raise e
except ValueError:
    print(e.__traceback__ is not None, e.__traceback__.tb_lineno)
e2 = KeyError("k").with_traceback(None)
print(e2.__traceback__)
try:
    raise RuntimeError
except RuntimeError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, tb.tb_lineno)
