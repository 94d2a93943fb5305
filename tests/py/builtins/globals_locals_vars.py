x = 1
g = globals()
print(g["x"], "g" in g, g is globals(), "__name__" in g, g["__name__"])
g["new_global"] = "made via globals()"
print(new_global)
def f(a, b=2):
    c = a + b
    loc = locals()
    print(sorted(loc.items()))
    loc["c"] = 999
    return c
print(f(1))
def g2():
    v = 1
    def inner():
        return v
    return sorted(locals())
print(g2())
class K:
    a = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
print(vars(K)["a"], "a" in vars(K))
obj = K()
obj.z = 5
print(vars(obj))
print(sorted(k for k in vars() if not k.startswith("__")) == sorted(k for k in globals() if not k.startswith("__")))
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(obj, 1)
except TypeError as e:
    print(type(e).__name__, e)
