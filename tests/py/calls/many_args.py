def f(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19):
    return a0 + a19, a10
print(f(*range(20)))
print(f(*range(10), *range(10, 20)))
print(f(**{f"a{i}": i for i in range(20)}))
src = "def g(" + ", ".join(f"p{i}" for i in range(300)) + "): return p0 + p299"
ns = {}
exec(src, ns)
print(ns["g"](*range(300)))
def h(*a, **k): return len(a), len(k)
print(h(*range(5000), **{f"k{i}": i for i in range(500)}))
try:
    f(*range(21))
except TypeError as e:
    print(e)
try:
    f(*range(19))
except TypeError as e:
    print(e)
