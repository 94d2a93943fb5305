"""Float objects: make n points from sin and cos, normalise each to unit
length, and find the largest coordinate of each axis (docs/bench.md).

Allocation of small objects holding floats, attribute access and float
arithmetic; nearly every operation makes a new float object. Every
normalised point must have length 1, and the maxima are checked against
CPython's digits at the preset sizes.
"""
import math

from _driver import WrongResult, expect_close, main

SIZES = {"small": 10000, "quick": 40000, "full": 200000}

# (max x, max y, max z) recorded from CPython 3.11.
EXPECTED = {
    10000: (0.8943870342151542, 1.0, 0.44719064873006503),
    40000: (0.8944237426377609, 1.0, 0.4472116250070344),
    200000: (0.8944271901453098, 1.0, 0.4472135954456972),
}


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x, y, z = self.x, self.y, self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    # Spot-check lengths here, while the points are alive.
    for p in points[::max(1, n // 50)]:
        length = p.x * p.x + p.y * p.y + p.z * p.z
        if abs(length - 1.0) > 1e-12:
            raise WrongResult("a normalised point has squared length %r" % length)
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best.x, best.y, best.z


def check(n, result):
    # x = sin / |p| peaks at 2/sqrt(5) where cos = 0, z = sin^2 / 2|p| at
    # 1/sqrt(5); y reaches 1 at i = 0.
    x, y, z = result
    if not (0.89 < x <= 2 / math.sqrt(5) + 1e-15 and y == 1.0 and 0.44 < z <= 1 / math.sqrt(5) + 1e-15):
        raise WrongResult("maxima %r are not what normalisation allows" % (result,))
    if n in EXPECTED:
        for axis, got, want in zip("xyz", result, EXPECTED[n]):
            expect_close("max %s at size %d" % (axis, n), got, want, 1e-12)


if __name__ == "__main__":
    main(run, check, SIZES)
