a = 3 ** 100000
print(a.bit_length(), a % 1000007, len(hex(a)))
b = a * a
print(b.bit_length(), b % 999983)
c = b // (a - 1)
print(c.bit_length(), (b - c * (a - 1)) % 97)
f = 1
for i in range(2, 3001):
    f *= i
print(f.bit_length(), f % (10 ** 9 + 9))
try:
    str(a)
except ValueError as e:
    print(type(e).__name__, str(e)[:60])
print(len(str(10 ** 4299)), int("9" * 4300) % 7)
print(pow(3, 10 ** 18, 10 ** 9 + 7), (1 << 100000) >> 99990)
