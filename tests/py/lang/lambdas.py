sq = lambda x: x * x
print(sq(7), sq.__name__)
add = lambda a, b=10, *c, d, **e: (a, b, c, d, e)
print(add(1, d=2))
print(add(1, 2, 3, 4, d=5, z=6))
print((lambda: 42)())
print(list(map(lambda x, y: x - y, [10, 20], [1, 2])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(inc, sq)(3), compose(sq, inc)(3))
print((lambda *a: a)(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
y = 5
f = lambda: y
y = 6
print(f())
print((lambda x, /, y: x + y)(1, y=2))
