def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
tests = [
    lambda: f(1, b=2, c=3, d=4),
    lambda: f(a=1, b=2, c=3, d=4),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(x=1, /, y=2):
    return x, y
print(h(), h(5), h(5, 6), h(y=7))
try:
    h(x=3)
except TypeError as e:
    print(e)
print(len([1, 2]))
try:
    len(obj=[1])
except TypeError as e:
    print(e)
try:
    divmod(a=1, b=2)
except TypeError as e:
    print(e)
