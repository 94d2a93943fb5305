def steps(n):
    c = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
best = max(range(1, 20000), key=steps)
print(best, steps(best))
print(steps(2 ** 100 + 1), steps(3 ** 50), steps(10 ** 40 + 7))
n = 27
peak = n
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    peak = max(peak, n)
print(peak)
