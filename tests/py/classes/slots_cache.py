# __slots__ members read and written through the attribute caches of
# LOAD_ATTR and STORE_ATTR: unset slots, deletion, the class changing under
# a warm cache, a member descriptor reused on an unrelated class, subclasses
# and __class__ assignment.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def total(points):
    s = 0
    for p in points:
        s += p.x * p.y
    return s


def shift(points, d):
    for p in points:
        p.x = p.x + d


pts = [P(i, i + 1) for i in range(50)]
for _ in range(3):
    shift(pts, 1)
print(total(pts))

# An unset slot: AttributeError from the warm site.
def read_x(o):
    return o.x

for _ in range(10):
    read_x(pts[0])
q = P.__new__(P)
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError:", e)
q.x = 5
print(read_x(q))
del q.x
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del q.x
except AttributeError as e:
    print("AttributeError:", e)

# The class gains a property of the same name: the cache must not be used.
for _ in range(10):
    read_x(pts[1])
saved = P.x
P.x = property(lambda self: "property")
print(read_x(pts[1]))
P.x = saved
print(read_x(pts[1]))

# A subclass with its own slot and one with a __dict__.
class Q(P):
    __slots__ = ("z",)

    def __init__(self):
        super().__init__(1, 2)
        self.z = 3


class R(P):
    pass


def read_all(o):
    return o.x, o.y


objs = [P(7, 8), Q(), R(4, 5), P(9, 10)]
for _ in range(5):
    print([read_all(o) for o in objs])
r = objs[2]
r.w = "extra"
print(r.w, sorted(r.__dict__))

# A member descriptor of P put on an unrelated class.
class Other:
    x = P.__dict__["x"]

o = Other()
for _ in range(3):
    try:
        read_x(o)
    except TypeError as e:
        print("TypeError:", e)
try:
    o.x = 1
except TypeError as e:
    print("TypeError:", e)

# __class__ assignment between layouts that match.
class P2:
    __slots__ = ("x", "y")

p = P(1, 2)
for _ in range(10):
    read_x(p)
p.__class__ = P2
print(type(p).__name__, read_x(p))
P2.x = 42
print(read_x(p))


def write_y(o, v):
    o.y = v

for i in range(10):
    write_y(pts[2], i)
print(pts[2].y)
P.y = property(lambda self: "ro")
try:
    write_y(pts[2], 0)
except AttributeError as e:
    print("AttributeError:", e)
