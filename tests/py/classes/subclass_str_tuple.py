class Name(str):
    def greet(self):
        return "hello " + self
    def __new__(cls, v):
        return super().__new__(cls, v.strip().title())
n = Name("  ada lovelace ")
print(n, repr(n), n.greet(), type(n.upper()).__name__, type(n + "x").__name__, len(n))
print(n == "Ada Lovelace", {n: 1}["Ada Lovelace"], n[0], type(n[0]).__name__)
class Loud(str):
    def __str__(self):
        return self.upper() + "!"
l = Loud("hi")
print(l, str(l), f"{l}", "%s" % l, repr(l), l + "")
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
    def __repr__(self): return f"Pair{tuple.__repr__(self)}"
p = Pair(1, 2)
print(p, p.first, len(p), p + (3,), type(p + (3,)).__name__, p == (1, 2))
a, b = p
print(a, b, hash(p) == hash((1, 2)))
class Point(tuple):
    __slots__ = ()
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
pt = Point((3, 4))
print(pt.x, pt.y, pt)
try:
    pt.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
