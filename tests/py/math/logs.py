# log, log2, log10 of ints past the float range (through the int's binary
# exponent, rounded half-even to 53 bits first), with a base, and of
# ordinary floats.
import math

for e in list(range(1018, 1030)) + [1100, 2000, 10000]:
    for d in (-1, 0, 1):
        x = 2**e + d
        print(e, d, math.log(x), math.log2(x), math.log10(x), math.log(x, 3), math.log(x, x - 1))
for k in (308, 309, 400, 1000):
    print(k, math.log(10**k), math.log10(10**k), math.log10(10**k - 1), math.log(7 * 10**k, 10),
          math.log2(3**k))
# the 53-bit rounding of a huge int, ties to even (2**1100 * (1 + 2**-53) is a tie)
for m in (2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**54 - 1):
    print(m, math.log2(m << 1100), math.log(m << 2000))
print(math.log(True), math.log(2, True) if False else '', math.log(10, 10), math.log(8, 2.0), math.log(1, 10))
print(math.log(0.5, 2), math.log(2, 0.5), math.log(math.inf), math.log(math.inf, 2), math.log(math.nan, 2))
print(math.log1p(1e-20), math.log1p(-0.0), math.log2(1024), math.log2(2**-1074 * 3), math.log10(1e-320))
for bad in [lambda: math.log(2, True), lambda: math.log(-10**400), lambda: math.log(0, 0),
            lambda: math.log(2, -1), lambda: math.log2(-(2**2000)), lambda: math.log('2'),
            lambda: math.log(2, 'e'), lambda: math.log(math.inf, math.inf)]:
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__, exc)
