cases = ["1.5", "  -2.25  ", "+3.", ".5", "1e10", "1E-3", "1_000.5", "1.5_5e1_0", "inf", "-iNfInItY", "nan", "NaN", "+nan",
         "0x10", "1e", "e5", "1.2.3", "", " ", "1__0", "_1.0", "1.0_", "١.٥", "1e400", "-1e400", "1e-400", "0.0000001",
         "\t\n42\n", "1,5", "infinit", "in f", "0e0", "-0", "00012.5000", "9" * 400]
for s in cases:
    try:
        v = float(s)
        print(repr(s[:20]), "->", repr(v))
    except ValueError as e:
        print(repr(s[:20]), "-> ValueError:", e)
print(float(), float(3), float(-7), float(True), float(b"2.5"), float(bytearray(b"1e3")))
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(b"\xff")
except ValueError as e:
    print(type(e).__name__, e)
