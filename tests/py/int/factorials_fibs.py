def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f500 = fact(500)
print(len(str(f500)), str(f500)[:30], f500 % (10 ** 9 + 7))
zeros = len(str(f500)) - len(str(f500).rstrip("0"))
print("trailing zeros", zeros)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(1000) % 10 ** 20, len(str(fib(1000))))
def fib_fast(n):
    if n == 0:
        return (0, 1)
    a, b = fib_fast(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
print(fib_fast(1000)[0] == fib(1000), str(fib_fast(10000)[0])[:25])
def binom(n, k):
    return fact(n) // (fact(k) * fact(n - k))
print(binom(100, 50), sum(binom(20, k) for k in range(21)) == 2 ** 20)
catalan = [binom(2 * n, n) // (n + 1) for n in range(15)]
print(catalan)
