orig = {"list": [1, 2], "num": 1, "nested": {"k": "v"}}
shallow = orig.copy()
shallow2 = dict(orig)
shallow3 = {**orig}
shallow["list"].append(3)
shallow["num"] = 99
shallow2["nested"]["k"] = "changed"
print(orig)
print(shallow)
print(shallow3["list"] is orig["list"], shallow3 == orig, shallow3 is orig)
deep = {k: (v.copy() if isinstance(v, (list, dict)) else v) for k, v in orig.items()}
deep["list"].append("deep")
print(orig["list"], deep["list"])
a = b = {}
a["x"] = 1
print(b, a is b)
keys_view = orig.keys()
c = orig.copy()
c["new"] = 1
print(list(keys_view))
