def floor(x):
    return int(x // 1)
def ceil(x):
    return -int(-x // 1)
def trunc(x):
    return int(x)
vals = [2.5, -2.5, 3.0, -3.0, 0.1, -0.1, 1e15 + 0.5, -1e15 - 0.5, 0.9999999999999999, -0.9999999999999999, 7.0000001]
for v in vals:
    print(repr(v), floor(v), ceil(v), trunc(v), round(v), v.__floor__(), v.__ceil__(), v.__trunc__())
def frac(x):
    return x - int(x)
print([repr(frac(v)) for v in [2.75, -2.75, 0.1, 5.0]])
def round_half_up(x, nd=0):
    m = 10 ** nd
    return floor(x * m + 0.5) / m
print([round_half_up(v) for v in (0.5, 1.5, 2.5, -0.5)], [round(v) for v in (0.5, 1.5, 2.5, -0.5)])
