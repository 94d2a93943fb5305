class Frozen:
    __slots__ = ()
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
class Point:
    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable")
    def __delattr__(self, name):
        raise AttributeError("no deleting")
p = Point(1, 2)
print(p.x, p.y)
for action in (lambda: setattr(p, "x", 5), lambda: delattr(p, "x"), lambda: Frozen().__setattr__("q", 1)):
    try:
        action()
    except AttributeError as e:
        print(e)
class Validated:
    def __setattr__(self, name, value):
        if name.startswith("n_") and not isinstance(value, int):
            raise TypeError(f"{name} needs int")
        super().__setattr__(name, value)
v = Validated()
v.n_a = 3
v.label = "ok"
try:
    v.n_b = "x"
except TypeError as e:
    print(e)
print(sorted(vars(v).items()))
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print(e)
try:
    setattr(1, "real", 5)
except AttributeError as e:
    print(e)
try:
    del (1).real
except AttributeError as e:
    print(e)
class Plain: pass
pl = Plain()
setattr(pl, "with space", 1)
print(getattr(pl, "with space"), vars(pl))
try:
    delattr(pl, "missing")
except AttributeError as e:
    print(e)
