class Celsius:
    def __init__(self): self._t = 0
    def get_t(self): return self._t
    def set_t(self, v):
        print("setting", v)
        self._t = v
    def del_t(self):
        print("deleting")
        del self._t
    t = property(get_t, set_t, del_t, "temperature")
c = Celsius()
c.t = 25
print(c.t, Celsius.t.__doc__, Celsius.t.fget is Celsius.get_t, Celsius.t.fset.__name__, Celsius.t.fdel.__name__)
del c.t
try:
    c.t
except AttributeError as e:
    print(type(e).__name__, e)
ro = property(lambda self: "read-only")
class R:
    x = ro
print(R().x, ro.fset, ro.__doc__)
try:
    R().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del R().x
except AttributeError as e:
    print(type(e).__name__, e)
p = property()
class Empty:
    y = p
try:
    Empty().y
except AttributeError as e:
    print(type(e).__name__, e)
p2 = property(lambda s: 1).setter(lambda s, v: None)
print(type(p2).__name__, p2.fset is not None, isinstance(p2, property))
class Doc:
    @property
    def v(self):
        "getter doc"
        return 1
print(Doc.v.__doc__, Doc().v)
