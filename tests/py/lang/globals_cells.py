# Module globals and builtins as the interpreter caches them: bindings,
# deletions, shadowing of builtins, mutation through globals()/vars()/
# module.__dict__, and one code object run under several globals dicts.
import builtins
import sys


def use_later():
    return later * 2


try:
    use_later()
except NameError as e:
    print(type(e).__name__, e)
later = 21
print(use_later())
later = 5
print(use_later())
del later
try:
    use_later()
except NameError as e:
    print(type(e).__name__, e)
globals()["later"] = 100
print(use_later())
globals().pop("later")
try:
    use_later()
except NameError as e:
    print("after pop:", e)


def call_len(x):
    return len(x)


print(call_len("abc"))
len = lambda x: "shadowed"
print(call_len("abc"))
del len
print(call_len("abcd"))
builtins.len, saved = (lambda x: "builtin replaced"), builtins.len
print(call_len("abc"))
builtins.len = saved
print(call_len("ab"))
del builtins.len
try:
    call_len("x")
except NameError as e:
    print(type(e).__name__, e)
builtins.len = saved
print(call_len([1, 2, 3]))

# Setting through the module object and vars().
mod = sys.modules[__name__]
setattr(mod, "later", "via setattr")
print(use_later())
vars(mod)["later"] = 7
print(use_later())
delattr(mod, "later")
print("later" in globals(), hasattr(mod, "later"))

# The same code object under different globals.
src = "def f():\n    return (x, len('ab'))\n"
g1 = {"x": 1}
g2 = {"x": 2, "__builtins__": {"len": lambda s: "custom len"}}
exec(src, g1)
exec(src, g2)
print(g1["f"](), g2["f"]())
code = g1["f"].__code__
FunctionType = type(use_later)
f3 = FunctionType(code, {"x": 3})
f4 = FunctionType(code, globals())
x = 4
for fn in (f3, f4, f3, g1["f"], f4):
    print(fn())
g1["x"] = 10
del g2["x"]
print(g1["f"]())
try:
    g2["f"]()
except NameError as e:
    print("g2:", e)

# A function running while the module dict changes under it.
counter = 0


def bump(n):
    global counter
    for _ in range(n):
        counter += 1
        if counter == 3:
            del globals()["counter"]
            globals()["counter"] = 100
    return counter


print(bump(5))
print(counter)

# Iteration, copies, equality and clear on a module-like dict.
ns = {}
exec("a = 1\nb = 2\ndef g():\n    return a + b\n", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["g"]())
ns2 = dict(ns)
ns2["a"] = 50
print(ns["g"](), ns2["a"], ns == ns2)
ns.update(a=30)
print(ns["g"]())

m = type(sys)("fresh")
exec("def h():\n    return y\n", m.__dict__)
try:
    m.h()
except NameError as e:
    print(type(e).__name__, e)
m.y = "set later"
print(m.h())
d = m.__dict__
print(type(d).__name__, "y" in d, d["y"], d.get("zz", "missing"))
items = [(k, v) for k, v in d.items() if k in ("y", "__name__")]
print(items, list(d.values()).count("set later"))
h = m.h
d.clear()
try:
    h()
except NameError as e:
    print("after clear:", e)
d["y"] = "back"
print(d.popitem(), len(d))
d.setdefault("y", "default")
print(repr(d), d.copy() == d)

# Globals with non-str keys and a key that only compares equal.
class Name(str):
    pass


globals()[Name("eq_name")] = "bound via str subclass"
print(eq_name)
globals()[1] = "int key"
print(globals()[1], 1 in globals())
del globals()[1]


def recursive(n):
    return n if n == 0 else recursive(n - 1)


print(recursive(50))
print("done")
