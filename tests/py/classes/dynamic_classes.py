def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"__init__": init, "double": lambda self: self.v * 2, "kind": "dynamic"})
d = Dyn(21)
print(d.double(), Dyn.kind, Dyn.__name__, type(d).__name__, Dyn.__qualname__)
Sub = type("Sub", (Dyn,), {"triple": lambda self: self.v * 3})
print(Sub(2).triple(), Sub(2).double(), Sub.__mro__[1] is Dyn)
class Meta(type): pass
M = Meta("M", (), {})
print(type(M).__name__)
try:
    type("X", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(5, (), {})
except TypeError as e:
    print(type(e).__name__, e)
T = type("T", (object,), {"__slots__": ("a",)})
t = T(); t.a = 1
print(t.a, hasattr(t, "__dict__"))
print(type("Q", (), {"__module__": "mymod"}))
