for n in [0, 5, -5, 255, 4096, -(2 ** 40), 2 ** 100 + 1]:
    b, o, h = bin(n), oct(n), hex(n)
    print(n, int(b, 0) == n, int(o, 0) == n, int(h, 0) == n, int(b, 2) == n, int(o, 8) == n, int(h, 16) == n, format(n, "#b") == b, format(n, "#o") == o, format(n, "#x") == h)
print(int("0b_1010", 0), int("0X_FF", 0), int("-0o17", 0), int("+0x10", 16), int("0b1", 2), int("11", 2))
for bad in ["0b2", "0o8", "0xg", "0b", "0x", "b101", "0b1010", "012"]:
    try:
        print(repr(bad), int(bad, 0))
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
