def f(a, b, c=3):
    return (a, b, c)
print(f(1, 2), f(1, 2, 4), f(1, b=5), f(c=1, b=2, a=3), f(*[1, 2]), f(**{'a': 1, 'b': 2}))
print(f(1, *[2], **{'c': 9}))
def g(*args):
    return args
print(g(), g(1), g(*"abc"), g(*[], *[1], 2))
def h(**kw):
    return sorted(kw.items())
print(h(), h(a=1), h(**{'x': 1}, y=2))
def all_(a, /, b, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(all_(1, 2, c=3))
print(all_(1, 2, 3, 4, c=5, d=6, e=7))
print(all_(1, b=2, c=3, a=9))
