for v in [0.0, -0.0, 1.0, 0.5, 0.1, 3.14, 1e300, 5e-324, 2.2250738585072014e-308, -2.5, 1 / 3, 1.7976931348623157e308]:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v)
for s in ["0x1p0", "0x1.8p1", "-0x1p-1074", "0x.8p1", "0X1P+2", "1p4", "0x1.fffffffffffff8p1023", "  0x1p3  ", "inf", "-Infinity", "nan", "0x1.00000000000008p0", "0x1.00000000000018p0"]:
    try:
        print(s.strip(), repr(float.fromhex(s)))
    except (ValueError, OverflowError) as e:
        print(s.strip(), type(e).__name__, e)
for bad in ["0x", "0xg", "", "0x1p", "0x1.2.3"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print(type(e).__name__, e)
print(float("inf").hex(), float("nan").hex(), (-float("inf")).hex())
