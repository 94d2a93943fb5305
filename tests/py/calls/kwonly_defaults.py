def f(a, *, b=1, c, d=3):
    return a, b, c, d
print(f(0, c=2), f(0, c=2, b=5, d=6), f(a=9, c=8))
def g(*args, sep=" ", end="\n"):
    return sep.join(map(str, args)) + end
print(repr(g(1, 2, 3)), repr(g(1, 2, sep="-", end="")))
def h(*, only):
    return only
print(h(only="kw"))
try:
    h("pos")
except TypeError as e:
    print(e)
try:
    f(1, 2, c=3)
except TypeError as e:
    print(e)
print(f.__kwdefaults__, f.__defaults__)
f.__kwdefaults__ = {"c": "patched", "b": 0, "d": 0}
print(f(1))
