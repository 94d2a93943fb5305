def isqrt(n):
    if n < 0:
        raise ValueError("isqrt of negative")
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10 ** 20, 10 ** 20 - 1, 2 ** 127, 3 ** 200]:
    r = isqrt(n)
    assert r * r <= n < (r + 1) * (r + 1)
    print(n if n < 10 ** 30 else f"big({n.bit_length()} bits)", r if r < 10 ** 30 else str(r)[:20])
def sqrt2_digits(d):
    return isqrt(2 * 10 ** (2 * d))
print(sqrt2_digits(100))
try:
    isqrt(-1)
except ValueError as e:
    print(e)
