"""Chaos game: points jump by randomly chosen contractions of the plane and
settle on a fractal, drawn into a grid (docs/bench.md).

Two games: Barnsley's fern (four affine maps chosen with weights) and a
pentagon game (jump 0.618 of the way to a random corner). The random
choices come from a 32-bit linear congruential generator written here, so
every interpreter draws the same picture. Small Point objects, method calls
and float arithmetic. Every point must stay inside the attractor's bounds;
the pictures' digests are checked against CPython's at the preset sizes.
"""
import math

from _driver import WrongResult, expect, fingerprint, main

SIZES = {"small": 5000, "quick": 20000, "full": 200000}
WIDTH, HEIGHT = 120, 120

# (lit cells, picture digest) of each game, recorded from CPython 3.11.
EXPECTED = {
    5000: [(2683, 1993833148880037024), (2732, 1398902890104941502)],
    20000: [(4962, 1655354953166828103), (3939, 1719736347030243197)],
    200000: [(6530, 1670398296805000810), (4330, 832551999231490781)],
}


class Lcg:
    """x' = (a x + c) mod 2^32 (Numerical Recipes' constants)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return self.state

    def below(self, k):
        return (self.next() >> 8) % k

    def unit(self):
        return (self.next() >> 8) / 16777216.0


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Affine:
    """(x, y) -> (a x + b y + e, c x + d y + f)"""

    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, p):
        return Point(self.a * p.x + self.b * p.y + self.e, self.c * p.x + self.d * p.y + self.f)


class Toward:
    """Moves a point the fraction `ratio` of the way to a corner."""

    def __init__(self, x, y, ratio):
        self.x, self.y, self.ratio = x, y, ratio

    def apply(self, p):
        return Point(p.x + (self.x - p.x) * self.ratio, p.y + (self.y - p.y) * self.ratio)


class Picture:
    def __init__(self, x0, y0, x1, y1):
        self.x0, self.y0 = x0, y0
        self.sx = (WIDTH - 1) / (x1 - x0)
        self.sy = (HEIGHT - 1) / (y1 - y0)
        self.x1, self.y1 = x1, y1
        self.cells = bytearray(WIDTH * HEIGHT)

    def plot(self, p):
        if not (self.x0 <= p.x <= self.x1 and self.y0 <= p.y <= self.y1):
            raise WrongResult("point (%r, %r) left the attractor's bounds" % (p.x, p.y))
        i = int((p.y - self.y0) * self.sy) * WIDTH + int((p.x - self.x0) * self.sx)
        if self.cells[i] < 255:
            self.cells[i] += 1


def fern():
    return [Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
            Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
            Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
            Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7)]


def pentagon():
    ratio = 0.618
    return [Toward(math.cos(2 * math.pi * k / 5 + math.pi / 2),
                   math.sin(2 * math.pi * k / 5 + math.pi / 2), ratio) for k in range(5)]


def play(maps, weights, picture, rng, points):
    """The chaos game: the first 20 points are still travelling to the
    attractor and are not drawn."""
    total = sum(weights)
    p = Point(0.0, 0.0)
    for step in range(points + 20):
        pick = rng.below(total)
        for m, w in zip(maps, weights):
            if pick < w:
                break
            pick -= w
        p = m.apply(p)
        if step >= 20:
            picture.plot(p)
    return picture


def run(n):
    rng = Lcg(12345)
    maps = fern()
    leaf = play(maps, [m.weight for m in maps], Picture(-2.2, -0.01, 2.7, 10.0), rng, n)
    corners = pentagon()
    star = play(corners, [1] * len(corners), Picture(-1.0, -1.0, 1.0, 1.0), rng, n)
    return [(WIDTH * HEIGHT - pic.cells.count(0), fingerprint(pic.cells)) for pic in (leaf, star)]


def check(n, result):
    for lit, _ in result:
        if not 0 < lit <= min(n, WIDTH * HEIGHT):
            raise WrongResult("%d cells lit by %d points" % (lit, n))
    if n in EXPECTED:
        expect("pictures at size %d" % n, result, EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
