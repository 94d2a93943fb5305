class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def m(v):
    match v:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return "number"
        case str(s):
            return f"string {s!r}"
        case list([_, _]):
            return "pair list"
        case _:
            return "other"
for v in [Point(0, 0), Point3(0, 0, 0), Point3(0, 1, 0), Point(0, 4), Point(3, 0), Point(2, 2), Point(1, 2), 500, 5, 2.5, "s", [1, 2], [1], True]:
    print(m(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class TooFew:
    __match_args__ = ("a",)
    a = 1
try:
    match TooFew():
        case TooFew(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match Point(1, 2):
    case Point(x=1) as p:
        print("captured", p.x, p.y)
