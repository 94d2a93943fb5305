class Base:
    b = 1
    def bm(self): pass
class C(Base):
    c = 2
    def __init__(self):
        self.inst = 3
    def cm(self): pass
obj = C()
print([n for n in dir(obj) if not n.startswith("__")])
print([n for n in dir(C) if not n.startswith("__")])
print(vars(obj), sorted(k for k in vars(C) if not k.startswith("__")))
class CustomDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(CustomDir()))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
class Slotted:
    __slots__ = ("s",)
try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
print("s" in dir(Slotted()), "__init__" in dir(obj), "__class__" in dir(obj))
