for n in [0, 7, -7, 255, 10**20, -(2**64)]:
    s = str(n)
    print(s, int(s) == n, repr(n), hex(n), oct(n), bin(n)[:20])
print(int("  12  "), int("-0"), int("+5"), int("1_000"))
print(str(3.0), str(-0.5), str(1e300 * 10), float("nan") != float("nan"))
print(str([1, "a", None]), str((1,)), str({}))
print(int(3.99), int(-3.99), int("ff", 16), int("0x1f", 0), int("z", 36))
