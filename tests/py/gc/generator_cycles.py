import gc
import weakref
class Marker:
    pass
def gen(m):
    me = yield "started"
    yield me is not None
g = gen(Marker())
next(g)
g.send(g)
wg = weakref.ref(g)
del g
gc.collect()
print(wg())
def make_closure_cycle():
    m = Marker()
    def f():
        return f, m
    return weakref.ref(m), f
wm, f = make_closure_cycle()
print(wm() is not None)
del f
gc.collect()
print(wm())
def frame_cycle():
    m = Marker()
    wm = weakref.ref(m)
    def inner():
        return m
    m.fn = inner
    return wm
w = frame_cycle()
gc.collect()
print(w())
