def gen():
    print("gen start")
    yield 1
    yield 2
    print("gen end")
a, b = gen()
print(a, b)
first, *rest = (x * x for x in range(5))
print(first, rest)
try:
    x, y = iter([1, 2, 3])
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y, z = iter([1])
except ValueError as e:
    print(type(e).__name__, e)
d = {"k1": 1, "k2": 2}
k1, k2 = d
(ka, va), (kb, vb) = d.items()
print(k1, k2, ka, va, kb, vb)
print(*range(3), *"ab", sep="|")
s, = {"only"}
print(s)
print([*map(str, range(3))], {*range(3)} == {0, 1, 2}, (*zip("ab", "cd"),))
