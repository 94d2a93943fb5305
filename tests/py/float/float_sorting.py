vals = [3.5, -1.25, 0.0, 2.5, -0.0, 1e-300, -1e300, 1e300, 0.1, 0.30000000000000004, 0.3]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(sorted(vals, key=abs))
print(max(vals), min(vals), sum(vals))
mixed = [3, 2.5, True, -1, 0.5, 10 ** 20, 1e20]
print(sorted(mixed))
pts = [(1.5, "b"), (1.5, "a"), (0.5, "z"), (-2.0, "y")]
print(sorted(pts), sorted(pts, key=lambda p: p[0]))
