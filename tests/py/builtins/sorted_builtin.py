print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted({3: "a", 1: "b"}), sorted({5, 1}), sorted(range(3), reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([-3, 2, -1], key=abs), sorted([-3, 2, -1], key=abs, reverse=True), sorted([], key=len), sorted("", reverse=True))
original = [3, 1, 2]
result = sorted(original)
print(original, result, result is original)
for bad in (lambda: sorted(5), lambda: sorted([1], None, True), lambda: sorted([1, "a"]), lambda: sorted([1], key=5), lambda: sorted()):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted([3, 1, 2], key=None), sorted(x * x for x in range(-3, 4)), sorted(map(str, [10, 9, 100])))
