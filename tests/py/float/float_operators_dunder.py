class Meters(float):
    def __add__(self, o):
        return Meters(float(self) + float(o))
    __radd__ = __add__
    def __repr__(self):
        return f"{float(self)}m"
a = Meters(1.5)
print(a + 2, 2 + a, a + a, sum([Meters(1), Meters(2)], Meters(0)), a * 2, type(a * 2).__name__)
print(a == 1.5, a < 2, hash(a) == hash(1.5), -a, type(-a).__name__, abs(Meters(-2.0)))
print(isinstance(a, float), float(a), int(a), round(a), str(a), format(a, ".2f"))
class Reverse:
    def __radd__(self, o): return f"radd {o!r}"
    def __rtruediv__(self, o): return f"rtruediv {o!r}"
    def __rpow__(self, o): return f"rpow {o!r}"
print(1.5 + Reverse(), 2.0 / Reverse(), 0.5 ** Reverse())
