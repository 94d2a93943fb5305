def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3))
print(f(**{"b": 1, "a": 2}, c=3))
def g(*args, **kwargs):
    return args, kwargs
print(g(1, 2, x=3, y=4))
print(g(*range(3), **dict(q=1)))
print(g())
def h(a, b, **rest):
    return a, b, rest
print(h(b=1, a=2, c=3))
print(h(1, **{'b': 2, 'zz': 3}))
print(dict(b=1, a=2), dict([("z", 1), ("y", 2)], x=3))
