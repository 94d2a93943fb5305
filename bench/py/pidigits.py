"""Pi digits: the first n decimal digits of pi from the unbounded spigot
(Gibbons's streaming algorithm), all in big integers (docs/bench.md).

The state is a linear fractional transformation (q r; 0 t) composed with
the terms of pi's continued series; a digit is emitted when the floors of
the transformation at 3 and at 4 agree. Multiplication and division of
integers thousands of digits long. The digits are checked against Machin's
formula (pi = 16 atan(1/5) - 4 atan(1/239)) in fixed point, a different
algorithm, and against the published first fifty.
"""
from _driver import expect, main

SIZES = {"small": 300, "quick": 1500, "full": 3500}
FIRST_FIFTY = "31415926535897932384626433832795028841971693993751"


def spigot(n):
    digits = []
    q, r, t, k = 1, 0, 1, 0
    while len(digits) < n:
        k += 1
        # Compose with the k-th term (k, 4k + 2; 0, 2k + 1).
        q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
        if q > r:
            continue
        digit = (3 * q + r) // t
        if digit != (4 * q + r) // t:
            continue
        # Both ends of the interval agree: emit, and shift it by one decimal.
        while digit == (4 * q + r) // t and len(digits) < n:
            digits.append(digit)
            q, r = 10 * q, 10 * (r - digit * t)
            digit = (3 * q + r) // t
    return "".join(map(str, digits))


def arctan_inverse(x, scale):
    """atan(1/x) * scale, by its Taylor series in integers."""
    total = term = scale // x
    x2 = x * x
    k = 1
    while term:
        term //= x2
        k += 2
        total += -(term // k) if k % 4 == 3 else term // k
    return total


def machin(n):
    guard = 10
    scale = 10 ** (n + guard)
    pi = 16 * arctan_inverse(5, scale) - 4 * arctan_inverse(239, scale)
    return str(pi // 10 ** (guard + 1))[:n]


MACHIN = {}


def run(n):
    return spigot(n)


def check(n, result):
    expect("digit count", len(result), n)
    expect("first digits", result[:50], FIRST_FIFTY[:n])
    if n not in MACHIN:
        MACHIN[n] = machin(n)
    expect("digits (as Machin's formula gives them)", result, MACHIN[n])


if __name__ == "__main__":
    main(run, check, SIZES)
