# Floats at the edges of the immediate range (2**-255 .. 2**257 and both
# zeros live in the Value word, the rest are boxed) and the inline + - * /
# and comparisons of BINARY_OP / COMPARE_OP, against int operands too.
import math

def bits(x):
    return x.hex()

edges = [0.0, -0.0, 1.0, -1.0, 2.0 ** -255, -(2.0 ** -255), 2.0 ** -254,
         math.nextafter(2.0 ** -255, 1.0), 2.0 ** -256, 2.0 ** 256,
         math.nextafter(2.0 ** 257, 0.0), 2.0 ** 257, -(2.0 ** 257),
         5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
         math.inf, -math.inf, 1e-77, 1e77, 1e-78, 1e78, 0.1, 1 / 3]
for x in edges:
    y = x * 1.0
    print(repr(x), bits(x), bits(y), bits(-x), x == y, hash(x) == hash(y),
          type(x).__name__, x.__sizeof__(), math.copysign(1.0, x))
print(repr(float('nan')), math.isnan(float('nan') * 1.0))

# Arithmetic crossing the window both ways.
big, tiny = 2.0 ** 200, 2.0 ** -200
print(big * big, big * big * 0, tiny * tiny, tiny * tiny * 2.0 ** 200 * 2.0 ** 200)
print((big * big) / big, tiny / big, big / tiny, -tiny * tiny, 1e308 * 10, -1e308 * 10)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, 0.0 - 0.0, -0.0 * -0.0, 0.0 / -3.0, 0 / -5, -0 / 5)

# Mixed int and float: ints convert with correct rounding.
for i in [0, 1, -7, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 2 ** 61 + 12345, -(2 ** 62), 2 ** 62 - 1]:
    print(i + 0.5, 0.5 + i, i - 0.25, 0.25 - i, i * 1.5, 1.5 * i, i / 3.0, 3.0 / (i or 1))

# int / int true division, exact operands and past 2**53.
for a, b in [(1, 3), (-1, 3), (7, -2), (0, -5), (2 ** 53, 3), (2 ** 53 + 1, 3),
             (2 ** 60 + 1, 2 ** 59), (10 ** 18, 7), (-(10 ** 18) - 1, 3), (1, 2 ** 62 - 1)]:
    print(a, b, repr(a / b), bits(a / b))
x = 10
x /= 4
print(x)

# Comparisons: floats with floats and ints (exact for every int).
nan = float('nan')
pairs = [(1.5, 2.5), (2.5, 2.5), (-0.0, 0.0), (nan, nan), (nan, 1.0), (1.0, nan),
         (math.inf, 1e308), (float(2 ** 53), 2 ** 53 + 1), (2 ** 53 + 1, float(2 ** 53)),
         (float(2 ** 62), 2 ** 62 - 1), (2 ** 61 + 1, float(2 ** 61)), (3, 3.0), (-3.0, -4),
         (2.0 ** -255, 0), (0, -0.0)]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)

# Zero divisors keep CPython's messages.
for a, b in [(1.0, 0.0), (1.0, -0.0), (1, 0.0), (1.0, 0), (0, 0), (5, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)

# Operands that are not exact floats take the slow path: subclasses, bools.
class F(float):
    def __add__(self, o):
        return 'F.__add__'
    def __radd__(self, o):
        return 'F.__radd__'
    def __lt__(self, o):
        return 'F.__lt__'
    def __gt__(self, o):
        return 'F.__gt__'
print(F(1.5) + 1.0, 1.0 + F(1.5), 1 + F(2.0), F(1.5) < 2.0, 2.0 < F(1.5))
print(True + 1.5, 1.5 * False, True / 2, 2.5 > True, type(F(2.0) * 2.0).__name__)

# Accumulating across the zero and window edges in a loop.
s = 0.0
for i in range(-5, 6):
    s += i * 0.1
print(repr(s), bits(s))
v = 1.0
for _ in range(300):
    v /= 2
print(v, v * 2.0 ** 300)
