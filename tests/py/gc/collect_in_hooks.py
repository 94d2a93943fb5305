# gc.collect() called from inside a weak-reference callback or a __del__
# (test_weakref's test_callback_gcs): the nested collection returns and the
# outer one goes on to run the hooks queued meanwhile. Loops inside a hook
# while other hooks are queued must not try to run them at each back edge.
import gc
import weakref

log = []


class WithDel:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)
        # A loop: its back edges are safe points while hooks are queued.
        total = 0
        for i in range(1000):
            total += i
        gc.collect()
        log.append("del %s done %d" % (self.name, total))


def callback(ref):
    log.append("callback")
    gc.collect()
    log.append("callback done")


x = WithDel("x")
r = weakref.ref(x, callback)
del x
gc.collect()
print(sorted(log))
print(r())

# Several objects with both hooks, collected together; each callback
# collects again, and creates garbage that the nested collection finds.
log.clear()
objs = [WithDel(str(i)) for i in range(5)]
refs = [weakref.ref(o, callback) for o in objs]
del objs
gc.collect()
gc.collect()
print(sorted(log))
print([r() for r in refs])


# A callback that drops the last reference to another object with a
# callback: that one runs at a later collection.
class Plain:
    pass


a = Plain()
b = Plain()
holder = [b]
seen = []


def cb_a(ref):
    seen.append("a")
    holder.clear()
    gc.collect()


def cb_b(ref):
    seen.append("b")


ra = weakref.ref(a, cb_a)
rb = weakref.ref(b, cb_b)
del a, b
gc.collect()
gc.collect()
print(seen, ra(), rb())
