d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d, list(d), list(d.values()), list(d.items()))
d["b"] = 20
print(d)
del d["a"]
print(d)
d["a"] = 100
print(d, list(d)[-1])
print(dict(), dict(x=1), dict([("k", "v"), ("k2", "v2")]), dict({"a": 1}, b=2), dict(zip("ab", range(2))), dict.fromkeys("xy", 0))
print({1: "int", "1": "str", (1,): "tuple", None: "none", 1.5: "float", frozenset([1]): "fs"})
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
