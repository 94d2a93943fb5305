import gc
import weakref
class Obj:
    def __init__(self, v): self.v = v
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r().v, type(r).__name__)
r2 = weakref.ref(o)
print(r == r2, r() is r2())
del o
gc.collect()
print(r(), r2())
calls = []
def cb(ref):
    calls.append(ref() is None)
p = Obj(2)
rp = weakref.ref(p, cb)
print(calls)
del p
gc.collect()
print(calls, rp())
q = Obj(3)
rq = weakref.ref(q)
print(rq() is q)
del rq
del q
gc.collect()
print("callback-less ref deleted first: ok")
for thing in (1, "s", [1], (1,), {}, None):
    try:
        weakref.ref(thing)
    except TypeError as e:
        print(type(e).__name__, e)
def func(): pass
class K: pass
print(weakref.ref(func)() is func, weakref.ref(K)() is K, weakref.ref(Obj(5))() is None or True)
