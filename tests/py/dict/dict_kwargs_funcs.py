def f(**kw):
    return kw
d = {"x": 1, "y": 2}
print(f(**d), f(**d) == d, f(**d) is d)
def g(x, y, z=0):
    return x + y + z
print(g(**d), g(**d, z=10), g(1, **{"y": 5}))
try:
    g(**{"x": 1, "y": 2, "w": 3})
except TypeError as e:
    print(type(e).__name__, e)
print(dict(**d, z=3), dict(d, **{"x": "over"}), {**d, **{"x": 99}})
try:
    dict(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
print(dict({1: 2}), dict([(1, 2)], a=3))
