print([0.1, 1e100, -0.0, float("inf")], (1.5,), {2.5: 0.1}, {1.5})
print(str([1.0, 2.5]), repr((0.1 + 0.2,)), f"{[1 / 3]}")
print([round(x * 0.1, 10) for x in range(5)], [x / 4 for x in range(5)])
print(list(map(float, ["1", "2.5", "-inf"])), sum([0.1] * 10), max([1.5, 2.25, 2.0]))
print(sorted({0.5: "a", 0.25: "b", 1.0: "c"}.items()))
m = [[1.0, 2.0], [3.0, 4.0]]
det = m[0][0] * m[1][1] - m[0][1] * m[1][0]
print(det, [[v / det for v in row] for row in m])
