# The errors of a generator's close run by the collector, as the default
# sys.unraisablehook prints them: the traceback and "Type: message" only,
# without the exceptions they were chained to (the GeneratorExit being
# handled). The generator's repr has its address, so the hook's arguments
# are passed on with a fixed object. The RuntimeError of a generator that
# ignores GeneratorExit gets the running frame's line as its traceback,
# where the collector ran the close in Pyrite (gc.collect()) and where the
# last reference went in CPython (del x): that traceback is not printed.
import gc
import sys

captured = []
sys.unraisablehook = captured.append


def bad():
    try:
        yield 1
    finally:
        try:
            {}["missing"]
        except KeyError:
            raise ValueError("boom")


def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2


class MyError(Exception):
    pass


def custom():
    try:
        yield 1
    finally:
        raise MyError()


for make in (bad, ignores, custom):
    x = make()
    next(x)
    del x
    gc.collect()
sys.unraisablehook = sys.__unraisablehook__
for u in captured:
    print(u.exc_type.__name__, type(u.object).__name__, u.object.__name__, u.err_msg)
    print("context:", repr(u.exc_value.__context__))
    sys.stdout.flush()
    tb = u.exc_traceback if u.object.__name__ != "ignores" else None
    print("traceback:", tb is not None)
    sys.stdout.flush()
    sys.__unraisablehook__(type(u)((u.exc_type, u.exc_value, tb, None, "<generator>")))
    sys.stderr.flush()
print("end")
