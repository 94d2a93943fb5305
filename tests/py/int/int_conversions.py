print(int(3.0), int(-0.0), int(0.9999), int(-0.9999), int(1e15), int(123456789.987))
print(int(2 ** 63 + 0.0), int(-(2.0 ** 63)), int(1.7976931348623157e308) == 2 ** 1024 - 2 ** 971)
print(float(2 ** 53 + 1), float(2 ** 53 + 3), float(-(2 ** 60) - 1), float(10 ** 22), float(10 ** 23))
print(float(2 ** 1023), float(2 ** 1024 - 2 ** 971))
try:
    float(2 ** 1024 - 2 ** 970)
except OverflowError as e:
    print("rounds up to 2**1024:", e)
print(str(-0), repr(10 ** 25), ascii(7), "%s" % (2 ** 70))
print(bool(0), bool(-1), bool(2 ** 100), int(False))
print(complex(2 ** 60), complex(-3))
print(int("  0042  "), int("-0x10", 16), int("0x10", 16), int("Z", 36), int("-z", 36))
print(oct(0), hex(0), bin(0), oct(-0o777), hex(2 ** 64), bin(-1))
print(int(format(255, "b"), 2), int(format(255, "o"), 8), int(format(255, "x"), 16))
