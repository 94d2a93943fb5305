for e in range(-8, 20):
    v = 10.0 ** e
    print(e, repr(v), str(v * 1.5), repr(-v * 1.25))
for v in [1e15 + 0.3, 123456789012.345, 0.000012345, 1.0e-5, 9.999999999999999e15, 1e16 - 2, 5e15 + 0.5]:
    print(repr(v))
print(repr(2.0 ** 60), repr(2.0 ** 70), repr(2.0 ** -20), repr(2.0 ** -1074), repr(2.0 ** 1023))
