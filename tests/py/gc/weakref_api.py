# The _weakref API as weakref.py uses it: ref reuse, getweakrefs order,
# callbacks (order, __callback__), subclasses of ref with more arguments,
# equality and hashing, which objects can be referenced. Output from CPython 3.11.
import _weakref
import gc
import sys
import weakref

print(sorted(n for n in dir(_weakref) if not n.startswith("__")))
print(_weakref.ref is weakref.ReferenceType, weakref.ref, weakref.ProxyType, weakref.CallableProxyType)
print(weakref.ref[int], sorted(n for n in vars(weakref.ref) if n not in ("__doc__", "__module__")))


class O:
    pass


o = O()
r1 = weakref.ref(o)
cb = lambda r: None
r2 = weakref.ref(o, cb)
r3 = weakref.ref(o, cb)
p1 = weakref.proxy(o)
p2 = weakref.proxy(o, cb)
r4 = weakref.ref(o, cb)
print(weakref.ref(o) is r1, weakref.ref(o, None) is r1, r4 is r2, weakref.proxy(o) is p1)
names = {id(r1): "r1", id(r2): "r2", id(r3): "r3", id(r4): "r4", id(p1): "p1", id(p2): "p2"}
print([names[id(x)] for x in weakref.getweakrefs(o)], weakref.getweakrefcount(o))
print(weakref.getweakrefcount(1), weakref.getweakrefs(1), weakref.getweakrefcount(O()))
print(r1.__callback__, r2.__callback__ is cb, r1() is o, r1 == r2, hash(r1) == hash(o))
print(repr(r1).startswith("<weakref at 0x"), "to 'O' at" in repr(r1))

order = []
for i in range(3):
    globals()["cbr%d" % i] = weakref.ref(o, lambda r, i=i: order.append((i, r() is None, r.__callback__)))
del o, p1, p2, r4
gc.collect()
print(order, r1(), r2.__callback__, weakref.getweakrefcount(r1))
print(repr(r1).endswith("; dead>"), r1 == r2, r1 != r2, r1 == r1)
try:
    hash(r2)
except TypeError as e:
    print("TypeError", e)


class R(weakref.ref):
    pass


class Key(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


a = O()
ra = weakref.ref(a)
sub = R(a)
k = Key(a, lambda r: print("Key callback", r.key), "the key")
print(sub is ra, sub == ra, hash(sub) == hash(a), type(sub).__name__, k.key, k() is a, k == ra)
print([type(x).__name__ for x in weakref.getweakrefs(a)])
print(weakref.ref(sub)() is sub)
for bad in (k, ra, weakref.proxy(a)):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError", e)
del a
gc.collect()
print(k(), sub(), ra())

for args in ((), (O(), None, 1)):
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.ref(O(), callback=None)
except TypeError as e:
    print("TypeError", e)


def errback(r):
    raise ValueError("in callback")


e = O()
re_ = weakref.ref(e, errback)


class Capture:
    text = ""

    def write(self, s):
        Capture.text += s

    def flush(self):
        pass


sys.stderr = Capture()
del e
gc.collect()
sys.stderr = sys.__stderr__
print(Capture.text.replace(hex(id(errback)), "ADDR"))


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class Sub(Slotted):
    pass


class SubSlots(Slotted):
    __slots__ = ()


class T(tuple):
    pass


class S(str):
    pass


class D(dict):
    pass


class E(Exception):
    pass


def gen():
    yield


for thing in (Slotted(), SlottedWeak(), Sub(), SubSlots(), T(), S(), D(), E(), gen(), len, O().__init__, O,
              set(), frozenset(), sys, gen.__code__, object(), 1.5, b"", bytearray(), range(1), ValueError(),
              property(), list[int]):
    try:
        weakref.ref(thing)
        print(type(thing).__name__, "ok")
    except TypeError as e:
        print("TypeError", e)

d = {"k": weakref.ref(O()), "alive": weakref.ref(O)}
gc.collect()
_weakref._remove_dead_weakref(d, "k")
_weakref._remove_dead_weakref(d, "alive")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref({"x": 1}, "x")
except TypeError as e:
    print("TypeError", e)
try:
    _weakref._remove_dead_weakref([], "x")
except TypeError as e:
    print("TypeError", e)
