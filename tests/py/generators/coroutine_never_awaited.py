# A coroutine collected before it was ever awaited warns "coroutine ... was
# never awaited" (RuntimeWarning, from the collector's finalizer), with the
# lines where it was made when sys.set_coroutine_origin_tracking_depth is
# on. Pyrite finalizes at the next collection, so the program collects
# explicitly; the warnings are recorded, not printed (their line is where
# the finalizer ran).
import gc
import sys
import warnings


async def coro():
    return 1


def messages(w):
    return [(m.category.__name__, str(m.message).replace(__file__, "FILE")) for m in w]


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = coro()
    del c
    gc.collect()
    print(messages(w))

# Closed, finished or started: no warning.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    c = coro()
    c.close()
    del c
    c = coro()
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value)
    del c
    gc.collect()
    print(messages(w))


# A coroutine suspended in an await is closed (its finally runs).
class Suspend:
    def __await__(self):
        yield "suspended"


async def waits():
    try:
        await Suspend()
    finally:
        print("waits finally")


c = waits()
print(c.send(None))
del c
gc.collect()

# cr_origin: (filename, lineno, function) from the caller outwards.
print(sys.get_coroutine_origin_tracking_depth())
c = coro()
print(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())


def make():
    return coro()


def make_outer():
    return make()


c = make_outer()
print([(f == __file__, line, name) for f, line, name in c.cr_origin])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    del c
    gc.collect()
    for category, text in messages(w):
        print(category)
        print(text)
sys.set_coroutine_origin_tracking_depth(100)
c = coro()
print(len(c.cr_origin) == 1, c.cr_origin[0][1:])
c.close()
sys.set_coroutine_origin_tracking_depth(0)
c = coro()
print(c.cr_origin)
c.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError", e)

# The warning turned into an error goes to sys.unraisablehook.
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value, u.object.__qualname__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    c = coro()
    del c
    gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print("end")
