a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b, a % b)
print(b // 12345678901234567890, b % 12345678901234567890)
print(-a // 7, -a % 7, a // -7, a % -7)
print(divmod(-b, 10 ** 20))
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)), sum(int(d) for d in str(f)))
print(f // (2 ** 97), f % (10 ** 24))
print((10 ** 50 + 1) * (10 ** 50 - 1) == 10 ** 100 - 1)
print(2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1 + 1)
print(abs(-a) == a, -(-a) == a, +a == a)
x = 1
for i in range(100):
    x = x * 3 + 1
print(x)
print(x.bit_length(), (x * x).bit_length())
