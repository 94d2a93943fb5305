DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))
for n in [0, 7, -7, 255, 1000, 2 ** 64, -(3 ** 40)]:
    row = [to_base(n, b) for b in (2, 3, 7, 16, 36)]
    assert all(int(s, b) == n for s, b in zip(row, (2, 3, 7, 16, 36)))
    print(n, row)
print(to_base(2 ** 200, 36), int(to_base(2 ** 200, 36), 36) == 2 ** 200)
def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
print([roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])
