class R:
    def __init__(self, name): self.name = name
    def __repr__(self): return self.name
    def __radd__(self, o): return f"radd({o!r}, {self.name})"
    def __rsub__(self, o): return f"rsub({o!r}, {self.name})"
    def __rmul__(self, o): return f"rmul({o!r}, {self.name})"
    def __rtruediv__(self, o): return f"rtruediv({o!r})"
    def __rfloordiv__(self, o): return f"rfloordiv({o!r})"
    def __rmod__(self, o): return f"rmod({o!r})"
    def __rpow__(self, o): return f"rpow({o!r})"
    def __rdivmod__(self, o): return f"rdivmod({o!r})"
    def __rlshift__(self, o): return f"rlshift({o!r})"
    def __rrshift__(self, o): return f"rrshift({o!r})"
    def __rand__(self, o): return f"rand({o!r})"
    def __ror__(self, o): return f"ror({o!r})"
    def __rxor__(self, o): return f"rxor({o!r})"
    def __rmatmul__(self, o): return f"rmatmul({o!r})"
r = R("r")
print(1 + r, "s" - r, [1] * r, 2 / r, 2 // r, 2 % r, 2 ** r, divmod(2, r))
print(1 << r, 1 >> r, 1 & r, 1 | r, 1 ^ r, 1 @ r if False else "skip")
print(sum([r], 0) if False else 0 + r)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Derived(Base):
    def __radd__(self, o): return "Derived.radd"
print(Base() + Derived())
print(Derived() + Base())
class Plain:
    def __add__(self, o): return "Plain.add"
class Sub(Plain):
    pass
print(Plain() + Sub())
class Left:
    def __add__(self, o): return NotImplemented
class Right:
    def __radd__(self, o): return "Right.radd"
print(Left() + Right())
