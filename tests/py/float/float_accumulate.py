def mean(xs):
    return sum(xs) / len(xs)
def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)
data = [2.5, 3.7, 1.2, 9.8, 4.4, 6.1, 0.3, 7.7]
print(mean(data), variance(data))
def kahan(xs):
    s = 0.0
    c = 0.0
    for x in xs:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s
vals = [0.1] * 1000
print(sum(vals), kahan(vals))
vals2 = [1e16, 1.0, -1e16] * 10
print(sum(vals2), kahan(vals2))
def newton_sqrt(x):
    g = x / 2
    for _ in range(60):
        g = (g + x / g) / 2
    return g
print(newton_sqrt(2.0), newton_sqrt(1e10), newton_sqrt(0.25))
def horner(coeffs, x):
    r = 0.0
    for c in coeffs:
        r = r * x + c
    return r
print(horner([1.0, -3.0, 3.0, -1.0], 1.001), horner([2.0, 0.0, -1.0], 0.5))
def integrate(f, a, b, n):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)
print(integrate(lambda x: x * x, 0.0, 1.0, 1000))
def exp_series(x, terms=30):
    s, t = 1.0, 1.0
    for n in range(1, terms):
        t *= x / n
        s += t
    return s
print(exp_series(1.0), exp_series(-1.0), exp_series(0.5))
