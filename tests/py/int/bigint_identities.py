def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        yield seed
g = lcg(12345)
def bignum(words):
    n = 0
    for _ in range(words):
        n = (n << 64) | next(g)
    return n
ok = 0
for size in [1, 2, 5, 17, 40, 80]:
    a, b, c = bignum(size), bignum(size // 2 + 1), bignum(3)
    assert (a + b) * c == a * c + b * c
    assert (a * b) // b == a and (a * b) % b == 0
    q, r = divmod(a, b)
    assert q * b + r == a and 0 <= r < b
    q, r = divmod(-a, b)
    assert q * b + r == -a and 0 <= r < b
    assert (a - b) + b == a
    assert (a ** 3) == a * a * a
    assert int(str(a)) == a and int(hex(a), 16) == a and int(bin(a), 0) == a
    assert (a << 100) >> 100 == a and (a >> 7) == a // 128
    assert a & b | a & c == a & (b | c)
    assert ~a == -a - 1 and a ^ a == 0
    ok += 1
    print(size, a.bit_length(), str(a)[:10], str(a * b)[-10:], q.bit_length())
print("identities hold for", ok, "sizes")
x = bignum(30)
y = bignum(29)
while y:
    x, y = y, x % y
print("gcd", x)
