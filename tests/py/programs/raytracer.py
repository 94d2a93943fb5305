# A tiny ray tracer rendering spheres to ASCII (own implementation).
def sqrt(x):
    g = x if x > 1.0 else 1.0
    for _ in range(60):
        ng = 0.5 * (g + x / g)
        if ng == g:
            break
        g = ng
    return g
class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y, z): self.x, self.y, self.z = x, y, z
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k): return Vec(self.x * k, self.y * k, self.z * k)
    def dot(self, o): return self.x * o.x + self.y * o.y + self.z * o.z
    def norm(self):
        l = sqrt(self.dot(self))
        return Vec(self.x / l, self.y / l, self.z / l)
class Sphere:
    def __init__(self, center, radius, shade):
        self.c, self.r, self.shade = center, radius, shade
    def hit(self, origin, direction):
        oc = origin - self.c
        b = oc.dot(direction)
        c = oc.dot(oc) - self.r * self.r
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - sqrt(disc)
        return t if t > 1e-6 else None
scene = [Sphere(Vec(0.0, -0.2, 3.0), 1.0, 1.0), Sphere(Vec(1.6, 0.5, 4.0), 0.7, 0.8), Sphere(Vec(-1.7, 0.3, 4.5), 0.9, 0.6),
         Sphere(Vec(0.0, -101.2, 3.0), 100.0, 0.4)]
light = Vec(-1.0, 2.0, -1.0).norm()
ramp = " .:-=+*#%@"
def trace(origin, d):
    best, obj = None, None
    for s in scene:
        t = s.hit(origin, d)
        if t is not None and (best is None or t < best):
            best, obj = t, s
    if obj is None:
        return 0.0
    p = origin + d * best
    n = (p - obj.c).norm()
    for s in scene:
        if s is not obj and s.hit(p, light) is not None:
            return 0.05
    return max(0.0, n.dot(light)) * obj.shade
W, H = 56, 22
eye = Vec(0.0, 0.3, 0.8)
rows = []
total = 0.0
for j in range(H):
    row = ""
    for i in range(W):
        x = (i - W / 2) / (W / 2) * 1.3
        y = (H / 2 - j) / (H / 2) * 0.9
        v = trace(eye, Vec(x, y, 1.0).norm())
        total += v
        row += ramp[min(len(ramp) - 1, int(v * (len(ramp) - 1) + 0.5))]
    rows.append(row.rstrip())
print("\n".join(rows))
print(round(total, 6))
