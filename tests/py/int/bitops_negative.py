vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 70, -(2 ** 70) + 3]
for a in vals:
    print(a, ~a, a & 0xFF, a | 0x0F, a ^ -1, a & -a if a else 0)
print(-5 & -3, -5 | -3, -5 ^ -3, -5 & 3, -5 | 3, -5 ^ 3)
print((2 ** 100 - 1) & -(2 ** 50), (-(2 ** 100)) | (2 ** 10), (2 ** 80) ^ (-(2 ** 80)))
print(bin(-10), hex(-255), oct(-8), bin(-10 & 0xFF))
print(-1 & (2 ** 128 - 1) == 2 ** 128 - 1)
print(True & 3, True | 2, 6 & True, ~True, ~False)
