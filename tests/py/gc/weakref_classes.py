# weakref.py's classes over _weakref: WeakValueDictionary (KeyedRef),
# WeakKeyDictionary, WeakSet, WeakMethod. Output from CPython 3.11. Not yet:
# calling a live WeakMethod (types.MethodType(func, obj)), finalize (atexit).
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%s)" % self.name


objs = [Obj(n) for n in "abcde"]
wvd = weakref.WeakValueDictionary((o.name, o) for o in objs)
wkd = weakref.WeakKeyDictionary((o, o.name.upper()) for o in objs)
ws = weakref.WeakSet(objs)
print(len(wvd), len(wkd), len(ws), sorted(wvd), sorted(wkd.values()), sorted(o.name for o in ws))
print(type(wvd.data["a"]).__name__, wvd.data["a"].key, wvd["a"], wvd.get("zz"), "b" in wvd, objs[1] in wkd)
del objs[1:3]
gc.collect()
print(len(wvd), len(wkd), len(ws), sorted(wvd), sorted(wkd.values()), sorted(o.name for o in ws))
print(sorted(wvd.keys()), sorted(o.name for o in wvd.values()), sorted(k for k, v in wvd.items()))
print(sorted(o.name for o in wkd.keyrefs() and wkd.keys()), len(list(wvd.valuerefs())))
print(wvd.setdefault("x", objs[0]) is objs[0], wvd.pop("x") is objs[0], "x" in wvd)

m = weakref.WeakMethod(objs[0].method)
print(m._alive, m == weakref.WeakMethod(objs[0].method), hash(m) == hash(weakref.WeakMethod(objs[0].method)))
dead_calls = []
tmp = Obj("tmp")
m2 = weakref.WeakMethod(tmp.method, lambda r: dead_calls.append(r is m2))
del tmp
gc.collect()
print(m2(), dead_calls)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)

del objs[0]
gc.collect()
print(len(wvd), sorted(wvd))
objs.clear()
gc.collect()
print(len(wvd), len(wkd), len(ws))

p = Obj("proxied")
d = weakref.WeakValueDictionary(k=p)
proxy = weakref.proxy(p)
print(proxy.name, d["k"].name, weakref.getweakrefcount(p))
del p
gc.collect()
print(len(d), "k" in d)
try:
    proxy.name
except ReferenceError as e:
    print("ReferenceError", e)
