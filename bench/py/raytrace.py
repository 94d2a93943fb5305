"""Ray tracer: spheres over a checkered floor, one point light, shadows,
Phong highlights and mirror reflections, rendered at n x n pixels
(docs/bench.md).

A small vector class with operator methods (__add__, __mul__, ...) makes
this the benchmark of short-lived objects and special-method dispatch.
The scene is symmetric about the plane x = 0 and every operation used is
symmetric under negation in IEEE arithmetic, so each rendered row must read
the same from both ends; the image digest is checked against CPython's at
the preset sizes.
"""
import math

from _driver import WrongResult, expect, fingerprint, main

SIZES = {"small": 24, "quick": 60, "full": 150}
MAX_DEPTH = 3
EPSILON = 1e-7

# (sum of channels, image digest), recorded from CPython 3.11.
EXPECTED = {
    24: (74928, 458351183772552646),
    60: (472940, 330962832957485767),
    150: (2918704, 784695513869582660),
}


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def times(self, o):
        """Component-wise product (colour filtering)."""
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, colour, diffuse, specular, shininess, mirror, checker=None):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess  # an integer: powered by multiplication
        self.mirror = mirror
        self.checker = checker

    def colour_at(self, p):
        if self.checker is None:
            return self.colour
        if (int(math.floor(abs(p.x))) + int(math.floor(p.z))) % 2:
            return self.checker
        return self.colour


class Sphere:
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < 1e-12:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, p):
        return self.normal


def power(x, k):
    result = 1.0
    while k:
        if k & 1:
            result *= x
        x *= x
        k >>= 1
    return result


class Scene:
    def __init__(self):
        shiny = Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 32, 0.3)
        glass = Material(Vec(0.2, 0.3, 0.9), 0.6, 0.8, 64, 0.5)
        matte = Material(Vec(0.3, 0.8, 0.3), 0.9, 0.1, 8, 0.0)
        floor = Material(Vec(0.9, 0.9, 0.9), 0.8, 0.0, 1, 0.2, checker=Vec(0.1, 0.1, 0.1))
        self.objects = [
            Sphere(Vec(0.0, 1.0, 3.0), 1.0, shiny),
            Sphere(Vec(-2.2, 0.7, 4.0), 0.7, glass),
            Sphere(Vec(2.2, 0.7, 4.0), 0.7, glass),
            Sphere(Vec(-1.0, 0.35, 1.5), 0.35, matte),
            Sphere(Vec(1.0, 0.35, 1.5), 0.35, matte),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor),
        ]
        self.light = Vec(0.0, 6.0, -1.0)
        self.ambient = 0.1
        self.eye = Vec(0.0, 1.6, -4.0)

    def nearest(self, ray):
        best_t, best = None, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, obj
        return best_t, best

    def shadowed(self, p, to_light, distance):
        ray = Ray(p, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        t, obj = self.nearest(ray)
        if obj is None:
            return Vec(0.05, 0.05, 0.1) * (1.0 - ray.direction.y)  # the sky
        p = ray.at(t)
        n = obj.normal_at(p)
        if n.dot(ray.direction) > 0.0:
            n = -n
        m = obj.material
        base = m.colour_at(p)
        colour = base * self.ambient
        to_light = self.light - p
        distance = to_light.length()
        to_light = to_light * (1.0 / distance)
        lambert = n.dot(to_light)
        if lambert > 0.0 and not self.shadowed(p, to_light, distance):
            colour = colour + base * (m.diffuse * lambert)
            reflected = to_light - n * (2.0 * lambert)
            highlight = reflected.dot(ray.direction)
            if highlight > 0.0:
                colour = colour + Vec(1.0, 1.0, 1.0) * (m.specular * power(highlight, m.shininess))
        if m.mirror > 0.0 and depth < MAX_DEPTH:
            d = ray.direction
            bounce = Ray(p, d - n * (2.0 * n.dot(d)))
            colour = colour * (1.0 - m.mirror) + self.trace(bounce, depth + 1) * m.mirror
        return colour


def channel(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def render(size):
    scene = Scene()
    pixels = bytearray()
    for j in range(size):
        y = (size - 2 * j - 1) / size
        for i in range(size):
            x = (2 * i + 1 - size) / size
            ray = Ray(scene.eye, Vec(x, y, 1.5).normalized())
            c = scene.trace(ray, 0)
            pixels.append(channel(c.x))
            pixels.append(channel(c.y))
            pixels.append(channel(c.z))
    return pixels


def run(n):
    return render(n)


def check(n, pixels):
    expect("bytes in the image", len(pixels), 3 * n * n)
    for j in range(n):
        row = pixels[3 * n * j:3 * n * (j + 1)]
        mirrored = bytearray()
        for i in range(n - 1, -1, -1):
            mirrored += row[3 * i:3 * i + 3]
        if row != mirrored:
            raise WrongResult("row %d is not symmetric" % j)
    if n in EXPECTED:
        expect("image at size %d" % n, (sum(pixels), fingerprint(pixels)), EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
