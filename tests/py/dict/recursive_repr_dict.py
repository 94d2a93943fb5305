d = {}
d["self"] = d
print(d, len(d))
d["list"] = [d]
print(d)
a, b = {}, {}
a["b"] = b
b["a"] = a
print(a, b)
d2 = {"k": {"k": {"k": {}}}}
print(d2, str(d2) == repr(d2))
v = {"x": 1}
v["values"] = v.values()
print(v)
k = {"y": 2}
k["keys"] = k.keys()
print(k)
