# A suspended generator that becomes unreachable is closed by the collector
# (GeneratorExit thrown in at its yield, so finally blocks and with exits
# run). CPython does it when the last reference goes; Pyrite at the next
# collection, so the program collects explicitly (docs/interp.md,
# "Finalization of generators").
import gc
import sys
import weakref


def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


x = gen("a")
next(x)
del x
gc.collect()
print("after a")

# Never started, or finished: nothing runs.
x = gen("unstarted")
del x
x = gen("finished")
print(list(x))
del x
gc.collect()
print("after unstarted/finished")


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__)
        return False


def with_gen():
    with Resource("r1"):
        with Resource("r2"):
            yield 1


x = with_gen()
next(x)
del x
gc.collect()


# No handler around the yield: closing it runs nothing.
def plain():
    yield 1


x = plain()
next(x)
del x
gc.collect()


# The frame holds a reference to its own generator (a cycle).
def selfref():
    me = yield
    try:
        yield 2
    finally:
        print("selfref finally, running:", me.gi_running)


x = selfref()
next(x)
x.send(x)
del x
gc.collect()
print("after selfref")


# except GeneratorExit sees the exception close() throws.
def catcher():
    try:
        yield 1
    except GeneratorExit as e:
        print("caught", type(e).__name__)
        raise


x = catcher()
next(x)
del x
gc.collect()


# Errors of the close go to sys.unraisablehook.
def report(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, u.err_msg, type(u.object).__name__,
          u.object.__name__)


sys.unraisablehook = report


def bad():
    try:
        yield 1
    finally:
        raise ValueError("boom")


def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2


x = bad()
next(x)
del x
gc.collect()
x = ignores()
next(x)
del x
gc.collect()
sys.unraisablehook = sys.__unraisablehook__


# yield from: closing the outer generator closes the delegate first.
class Delegate:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def close(self):
        print("Delegate.close")


def outer_of_custom():
    try:
        yield from Delegate()
    finally:
        print("outer finally")


def inner():
    try:
        yield 1
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


def outer_no_handler():
    yield from Delegate()


for make in (outer_of_custom, outer, outer_no_handler):
    x = make()
    next(x)
    del x
    gc.collect()
    print("--")

# Several unreachable at once: closed last made first, as a list's items
# are released last to first.
gens = [gen(i) for i in range(3)]
for g in gens:
    next(g)
del g, gens
gc.collect()

# A weak reference's callback runs before the close (CPython's gen_dealloc
# clears weak references first).
x = gen("weak")
next(x)
r = weakref.ref(x, lambda r: print("weakref callback, referent:", r()))
del x
gc.collect()


# The finally block resurrects the generator: it stays closed.
saved = []


def resurrect():
    me = yield
    try:
        yield 2
    finally:
        saved.append(me)
        print("resurrected")


x = resurrect()
next(x)
x.send(x)
del x
gc.collect()
print(saved[0].gi_frame, saved[0].gi_suspended)
saved.clear()
gc.collect()

# close() finds the generator in an except block (the exception it handles).
def in_except():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            yield 1
        finally:
            print("in_except finally, handling:", repr(sys.exc_info()[1]))


x = in_except()
next(x)
del x
gc.collect()
print("end")
