class C:
    cls_attr = "c"
o = C()
o.__dict__["a"] = 1
o.b = 2
print(o.a, sorted(o.__dict__.items()))
o.__dict__ = {"replaced": True}
print(o.replaced, hasattr(o, "a"), vars(o))
try:
    o.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
d = vars(o)
d["via_vars"] = "yes"
print(o.via_vars)
o.__dict__.clear()
print(vars(o), o.cls_attr)
for i in range(100):
    setattr(o, f"attr{i}", i)
print(len(vars(o)), o.attr57, sum(vars(o).values()))
for i in range(0, 100, 2):
    delattr(o, f"attr{i}")
print(len(vars(o)), list(vars(o))[:3])
class K: pass
k1, k2 = K(), K()
k1.x = 1; k1.y = 2
k2.y = 3; k2.x = 4
print(list(vars(k1)), list(vars(k2)))
