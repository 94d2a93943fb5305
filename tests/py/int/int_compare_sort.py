vals = [10 ** 20, -(10 ** 20), 0, 2 ** 64, -1, 2 ** 64 - 1, 3, -(2 ** 63), 2 ** 63, 7]
print(sorted(vals))
print(sorted(vals, reverse=True)[:3])
print(max(vals), min(vals), sorted(vals, key=abs)[:4])
print(2 ** 64 > 2 ** 64 - 1 > 2 ** 63, -(2 ** 65) < -(2 ** 64) < 0)
print((10 ** 50 == 10 ** 50), (10 ** 50 is not None), 10 ** 50 != 10 ** 50 + 1)
big = [i * 10 ** 30 + (i % 7) for i in range(50, 0, -1)]
print(sorted(big)[:3] == [10 ** 30 + 1, 2 * 10 ** 30 + 2, 3 * 10 ** 30 + 3])
print(sorted([3, 1, 2], key=lambda v: -v), sorted(range(10), key=lambda v: (v % 3, -v)))
