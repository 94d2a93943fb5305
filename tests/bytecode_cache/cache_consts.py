import math

BIG = 123456789012345678901234567890 ** 3
NEG_BIG = -(2 ** 200)
FLOATS = (0.1, -0.0, 1e308, float("inf"), 5e-324)
NAN_BITS = math.copysign(1.0, 1e400 - 1e400), (1e400 - 1e400).hex()
NEG_ZERO = math.copysign(1.0, -0.0)


def values():
    return (None, True, False, ..., 7, -3, 2 ** 62, 2 ** 64, 1.5, -0.0, 1e400, -1e400, 1e400 - 1e400, 2j, 1 + 2j, -0.0j,
            "ascii", "caf\u00e9", "\u4e2d\u6587", "\U0001f600 emoji", "", "a\x00b", b"bytes\x00\xff", b"",
            (1, (2, 3), "x"), frozenset({1, 2}), frozenset(), ("nested", (None, ...)),
            x if (x := 3) else 4, [1, 2][0], {"a": 1}["a"], -0.0 == 0.0, 1 in {1, 2, 3}, BIG % 1000, NEG_BIG)


def kwargs(a, /, b, *args, c=1.0, d="d", **kw):
    return a, b, args, c, d, kw
