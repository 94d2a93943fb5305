N = 10 ** 5
s = 0
sq = 0
cube = 0
for i in range(1, N + 1):
    s += i
    sq += i * i
    cube += i * i * i
print(s, s == N * (N + 1) // 2)
print(sq, sq == N * (N + 1) * (2 * N + 1) // 6)
print(cube, cube == s * s)
print(sum(range(10 ** 12)) if False else (10 ** 12 - 1) * 10 ** 12 // 2)
h = 0
for i in range(1, 2000):
    h = (h * 31 + i) % (2 ** 61 - 1)
print(h)
total = 0
for i in range(1, 1000):
    total += 10 ** (i % 50) * i
print(total % 10 ** 30, total.bit_length())
