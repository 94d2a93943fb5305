nz = -0.0
print(nz, repr(nz), str(nz), nz == 0, nz < 0, 1 / (nz if False else -1e-300) < 0)
print(repr(-0.0 + 0.0), repr(0.0 + -0.0), repr(-0.0 * 5), repr(0.0 * -5), repr(-0.0 / 3), repr(0.0 / -3))
print(repr(abs(-0.0)), repr(-(-0.0)), repr(max(0.0, -0.0)), repr(max(-0.0, 0.0)), repr(round(-0.4)), repr(round(-0.4, 0)))
print(repr(-0.0 // 1), repr(-1e-300 // 1), repr(-1e-300 % 1), repr(5.0 % -1), repr(-5.0 % 1))
print(format(-0.0, ".1f"), format(-0.0, "g"), format(-0.0, "e"), "%.1f" % -0.0, f"{-0.0:z.1f}", f"{-0.0001:z.2f}", f"{-0.0001:.2f}")
print((-0.0).hex(), (-0.0).as_integer_ratio(), (-0.0).is_integer(), int(-0.0), hash(-0.0))
print(repr(-0.0 ** 2), repr((-0.0) ** 2), repr((-0.0) ** 3), repr(0.0 ** 0.0))
