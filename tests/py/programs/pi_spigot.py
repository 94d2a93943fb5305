# Digits of pi with an unbounded big-integer spigot (Gibbons' streaming
# algorithm, written from its published description), cross-checked with a
# Machin-formula computation in fixed-point integers.
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out
def arctan_inv(x, unity):
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total
def machin(ndigits):
    unity = 10 ** (ndigits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return str(pi // 10 ** 10)
digits = pi_digits(600)
s = "".join(map(str, digits))
print(s[0] + "." + s[1:])
m = machin(599)
print(s == m, len(s))
for i in range(0, 600, 100):
    print(i, s[i:i + 50])
counts = [s.count(str(d)) for d in range(10)]
print(counts, sum(counts))
print(s.find("999999"), s.find("31415", 1))
