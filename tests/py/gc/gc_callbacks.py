# gc.garbage, gc.callbacks and gc.collect's argument checks (regrtest reads
# gc.garbage after every test).
import gc
import sys

print(gc.garbage, type(gc.garbage).__name__, type(gc.callbacks).__name__)
for g in [3.5, 2**40, -2**40, 2**70, "1", -1, 3, None]:
    try:
        print(repr(g), gc.collect(g))
    except Exception as e:
        print(repr(g), type(e).__name__, e)
try:
    gc.collect(generation=5)
except Exception as e:
    print(type(e).__name__, e)
try:
    gc.collect(1, 2)
except Exception as e:
    print(type(e).__name__, e)

log = []


def cb(phase, info):
    log.append((phase, sorted(info), info["generation"], info["uncollectable"]))
    # A collection from a callback does nothing.
    log.append(("nested", gc.collect()))


gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.collect(generation=0)
for entry in log:
    print(entry)

unraisable = []
sys.unraisablehook = lambda u: unraisable.append((u.exc_type.__name__, str(u.exc_value), u.object.__name__))


def bad(phase, info):
    raise ValueError(phase)


def after(phase, info):
    unraisable.append(("after", phase))


gc.callbacks.append(bad)
gc.callbacks.append(after)
gc.collect()
print(unraisable)
gc.callbacks.clear()
print(gc.collect() >= 0)

# The module keeps its list: rebinding the attribute does not replace it.
old = gc.callbacks
gc.callbacks = []
old.append(cb)
log.clear()
gc.collect()
print(len(log), log[0][0], log[-2][0])
old.clear()


# A callback that removes itself from the list.
def once(phase, info):
    print("once", phase)
    gc.callbacks.remove(once)


old.append(once)
gc.collect()
print(len(old), old[0].__name__)
old.clear()  # CPython collects at exit and calls them again; Pyrite does not yet
print(gc.garbage)
