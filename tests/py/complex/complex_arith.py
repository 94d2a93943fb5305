def mandel(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if (z.real * z.real + z.imag * z.imag) > 4:
            return i
    return limit
rows = []
for y in range(-10, 11, 2):
    row = ""
    for x in range(-40, 21, 2):
        n = mandel(complex(x / 20, y / 10))
        row += "#" if n == 50 else ".:-=+*%@"[n % 8]
    rows.append(row)
print("\n".join(rows))
roots = [complex(1, 0), complex(-0.5, 0.8660254037844386), complex(-0.5, -0.8660254037844386)]
for r in roots:
    print(r, r ** 3)
a = 1 + 2j
print(a ** 2, a ** 0, a ** 1, a ** -1, a * a.conjugate(), (a * a.conjugate()).real)
print(pow(2j, 2), (0j) ** 0, (0j) ** 2, 1j ** 4)
