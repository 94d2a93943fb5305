# Small-int arithmetic the interpreter does inline (tagged 63-bit ints),
# at the edges: signs, zero divisors, results that leave the small range.
import itertools

edge = [0, 1, -1, 2, -2, 3, -3, 7, -7, 2**31, -(2**31), 2**61, -(2**61), 2**62 - 1, -(2**62),
        2**62, -(2**62) - 1, 2**63, -(2**63), 10**20]
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "&": lambda a, b: a & b,
    "|": lambda a, b: a | b,
    "^": lambda a, b: a ^ b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
}
for name, f in ops.items():
    out = []
    for a, b in itertools.product(edge, repeat=2):
        try:
            out.append(f(a, b))
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
    print(name, len(out), out[:12], out[-12:])
    print(" ", sum(x for x in out if isinstance(x, int) and not isinstance(x, bool)) % (10**9 + 7))


def loop(n):
    acc = 0
    for i in range(-n, n):
        acc += (i // 3) + (i % 5) - (i & 6) + (i | 1) - (i ^ 9)
        acc -= i * i
        x = i
        x //= 7
        x %= 4
        x ^= 3
        x &= 0xFF
        x |= 16
        acc += x
    return acc


print(loop(1000), loop(12345))
big = 2**62 - 1
for step in range(3):
    big += 1
    print(big, type(big).__name__, big - 1, -big, big * 2, big // -3, big % -7)
print(True + True, True & 1, False | 2, True ^ True, (-7) // 2, (-7) % 2, 7 // -2, 7 % -2)
