# An unfinished async generator that becomes unreachable: with a finalizer
# hook (sys.set_asyncgen_hooks, as asyncio installs) the hook gets it; without
# one it is closed like a generator (an await in its finally is then
# "async generator ignored GeneratorExit"). Pyrite finalizes at the next
# collection, so the program collects explicitly. asyncio's use of the hook:
# tests/py/asyncio/agen_finalizer.
import gc
import sys


async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value


# The hook: called with the generator, which it may close.
seen = []


def finalizer(g):
    print("finalizer hook:", g.__name__)
    seen.append(g)


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=None, finalizer=finalizer)
a = agen("hooked")
print(step(a.__anext__()))
del a
gc.collect()
g = seen.pop()
print(step(g.aclose()), g.ag_frame)
del g

# Started with the hook set but never resumed: the hook still gets it.
a = agen("first step only")
op = a.__anext__()
del a, op
gc.collect()
seen.pop().aclose().close()

# The hook's error is unraisable.
def bad_finalizer(g):
    raise KeyError("hook")


sys.set_asyncgen_hooks(finalizer=bad_finalizer)
sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value, type(u.object).__name__)
a = agen("bad hook")
step(a.__anext__())
del a
gc.collect()
sys.unraisablehook = sys.__unraisablehook__
sys.set_asyncgen_hooks(*old)

# No hook: closed as a generator.
a = agen("no hook")
print(step(a.__anext__()))
del a
gc.collect()


class Suspend:
    def __await__(self):
        yield


async def awaits_in_finally():
    try:
        yield 1
    finally:
        await Suspend()
        print("not reached")


sys.unraisablehook = lambda u: print("unraisable:", u.exc_type.__name__, u.exc_value, type(u.object).__name__)
a = awaits_in_finally()
print(step(a.__anext__()))
del a
gc.collect()
sys.unraisablehook = sys.__unraisablehook__


print("end")
