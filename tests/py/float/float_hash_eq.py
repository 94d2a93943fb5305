for v in [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, 2.0 ** 70, 1e-300, 3.0, -7.25, 2.0 ** -30]:
    print(repr(v), hash(v))
print(hash(1.0) == hash(1), hash(2.0 ** 70) == hash(2 ** 70), hash(-2.0) == hash(-2), hash(0.5) == hash(0.5))
print(hash(float("inf")), hash(float("-inf")))
print(len({0.0, -0.0, 0, False}), len({1, 1.0, True}), {1.5: "a", 3 / 2: "b"})
d = {}
for v in [1, 1.0, 2, 2.5, 2.50, True]:
    d[v] = d.get(v, 0) + 1
print(d)
