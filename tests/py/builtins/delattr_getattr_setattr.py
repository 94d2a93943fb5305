class C:
    cls_attr = "class"
    def __init__(self): self.x = 1
c = C()
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "missing", "dflt"), getattr(C, "cls_attr"), getattr(c, "x", None))
setattr(c, "y", 2)
setattr(c, "x", 10)
print(vars(c))
delattr(c, "y")
print(vars(c), hasattr(c, "y"), hasattr(c, "x"), hasattr(c, "cls_attr"), hasattr(C, "x"))
for bad in (lambda: getattr(c, "missing"), lambda: delattr(c, "missing"), lambda: getattr(c, 5), lambda: setattr(c, 1, 2), lambda: delattr(C, "nope"), lambda: getattr(c)):
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class Prop:
    @property
    def p(self): raise ValueError("property raised ValueError")
print(getattr(Prop(), "q", "fine"))
try:
    hasattr(Prop(), "p")
except ValueError as e:
    print("hasattr propagates:", e)
try:
    getattr(Prop(), "p", "default")
except ValueError as e:
    print("getattr default does not swallow:", e)
print(getattr(1, "real"), getattr("abc", "upper")(), getattr([], "__len__")())
