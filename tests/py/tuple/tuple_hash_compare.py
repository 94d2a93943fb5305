pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1,), (1, 0)), ((), ()), ((2,), (1, 5)), ((1, "a"), (1, "b")), ((1, 2.0), (1, 2))]
for a, b in pairs:
    print(a, b, a == b, a < b, a >= b, hash(a) == hash(b) if a == b else "-")
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()), hash((1, (2, 3))) == hash((1, (2, 3))))
d = {(1, 2): "a", (1, (2, 3)): "b", (): "empty"}
print(d[(1, 2)], d[1, (2, 3)], d[()])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {(1, {}): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1,)]), max((1, 2), (1, 2, 0)), min([(3,), (2, 9)]))
print((1, 2) == [1, 2], (1,) != (1.0,), (float("nan"),) == (float("nan"),))
