cases = [("42", 10), ("-42", 10), ("  +7  ", 10), ("1_000", 10), ("0x1F", 16), ("1f", 16), ("0o17", 8), ("0b101", 2),
         ("0x1f", 0), ("0o17", 0), ("0b11", 0), ("017", 0), ("0", 0), ("00", 0), ("z", 36), ("ZZ", 36), ("10", 2),
         ("1__0", 10), ("_1", 10), ("1_", 10), ("0x_1", 16), ("0x_1", 0), ("", 10), (" ", 10), ("1 2", 10),
         ("12", 3), ("9", 8), ("1.0", 10), ("١٢", 10), ("\t\n12\r\n", 10), ("+-1", 10), ("0B1", 0), ("0XfF", 0)]
for s, base in cases:
    try:
        print(repr(s), base, "->", int(s, base))
    except ValueError as e:
        print(repr(s), base, "-> ValueError:", e)
for base in (1, 37, -1):
    try:
        int("1", base)
    except ValueError as e:
        print("base", base, e)
print(int(), int(3.9), int(-3.9), int(True), int("  -0 "), int(b"12"), int(bytearray(b"7")))
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
print(int("1" * 50), int("-" + "9" * 40, 16))
