d = dict.fromkeys(["a", "b", "c"])
print(d, dict.fromkeys("ab", []), dict.fromkeys(range(3), 0))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
print(d.setdefault("a", 5), d.setdefault("new", 7), d.setdefault("none"), d)
print(d.pop("new"), d.pop("gone", "default"), d)
try:
    d.pop("gone")
except KeyError as e:
    print(type(e).__name__, e)
e = {"first": 1, "second": 2, "third": 3}
print(e.popitem(), e.popitem(), e)
e.clear()
try:
    e.popitem()
except KeyError as err:
    print(type(err).__name__, err)
f = {"k": [1]}
g = f.copy()
g["k"].append(2)
g["other"] = 1
print(f, g)
print(f.get("k"), f.get("nope", "dflt"), f.__contains__("k"), f.__len__(), f.__getitem__("k"))
try:
    f.get()
except TypeError as err:
    print(type(err).__name__, err)
