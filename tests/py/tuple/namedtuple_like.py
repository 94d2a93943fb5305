class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __repr__(self):
        return f"Point(x={self[0]!r}, y={self[1]!r})"
    def _replace(self, **kw):
        vals = dict(zip(self._fields, self))
        vals.update(kw)
        return Point(**vals)
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
p = Point(1, 2)
q = p._replace(y=10)
print(p, q, p.x, q.y, p + q, p == (1, 2), isinstance(p, tuple), len(p), list(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p[0], p[-1], p[:1], type(p[:1]).__name__, sorted([Point(2, 0), Point(1, 5)]))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
print({p: "origin-ish"}[(1, 2)], dict([p]), max(Point(0, 9), Point(1, 0)))
