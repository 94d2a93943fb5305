class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
print(type(P.x).__name__)
class Q(P):
    pass
q = Q(5)
q.extra = 1
print(q.extra, vars(q))
class R(P):
    __slots__ = ("z",)
r = R(0)
r.z = 9
print(r.x, r.z, hasattr(r, "__dict__"))
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, vars(w))
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)
class S:
    __slots__ = "single"
s = S(); s.single = "one"; print(s.single, S.__slots__)
try:
    class BadSlot:
        __slots__ = ("a", "a")
    print("dup slots ok")
except Exception as e:
    print(type(e).__name__)
