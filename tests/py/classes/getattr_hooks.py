class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(f"Dyn has no {name!r}")
d = Dyn()
print(d.real, d.x_abc)
try:
    d.other
except AttributeError as e:
    print(e)
print(getattr(d, "nope", "default"), hasattr(d, "x_q"), hasattr(d, "q"))
class Spy:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(("get", name))
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
s = Spy()
s.a = 1
s.a
del s.a
try:
    s.a
except AttributeError as e:
    print(type(e).__name__, e)
print(s.log)
class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("from getattribute")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
f = Fallback()
print(f.boom, f.__class__.__name__)
class NoRecurse:
    def __init__(self):
        self.data = {"k": "v"}
    def __getattr__(self, name):
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None
n = NoRecurse()
print(n.k, getattr(n, "zz", None))
