a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = range(5)
print(a, b)
a, *b, c = "hello"
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = (7, 8)
print(a)
[a, *b] = {3: 'x'}
print(a, b)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3))
print({*[1, 1, 2]} == {1, 2})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), **{'x': 1}, **{'y': 2}))
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
first, *_, last = range(10)
print(first, last)
t = 1, *[2, 3]
print(t)
