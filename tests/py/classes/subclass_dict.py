class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        v = self[key] = len(key)
        return v
d = Default(a=1)
print(d["a"], d["xyz"], d, d.get("qq"), "qq" in d)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper()
u["a"] = 1
print(u, u["A"], u["a"])
u.update(b=2)
print(u)
u2 = Upper(c=3)
print(u2, dict(u2))
class Attr(dict):
    __getattr__ = dict.__getitem__
a = Attr(x=5)
print(a.x)
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().keys()))
o = Ordered(b=1, a=2)
print(list(o), list(o.keys()), dict(o))
class MissingRaises(dict):
    def __missing__(self, key):
        raise KeyError(f"no {key}")
try:
    MissingRaises()["k"]
except KeyError as e:
    print(type(e).__name__, e)
print(type(d | {}).__name__, type(d.copy()).__name__)
