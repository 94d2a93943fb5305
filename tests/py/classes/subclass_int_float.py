class Money(int):
    def __new__(cls, v, cur="EUR"):
        obj = super().__new__(cls, v)
        obj.cur = cur
        return obj
    def __repr__(self):
        return f"Money({int(self)}, {self.cur!r})"
    def __add__(self, o):
        return Money(int(self) + int(o), self.cur)
m = Money(5)
print(m, m + 3, 3 + m, type(3 + m).__name__, m * 2, type(m * 2).__name__)
print(m == 5, hash(m) == hash(5), isinstance(m, int), str(m), f"{m:03d}")
class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError(f"{v} is odd")
        return super().__new__(cls, v)
print(Even(4))
try:
    Even(3)
except ValueError as e:
    print(e)
class F(float):
    def __str__(self):
        return f"F<{float(self)}>"
f = F(1.5)
print(f, repr(f), f + 1, type(f + 1).__name__, f.is_integer(), F("2.5"))
class B(int):
    pass
print(B(7).bit_length(), B("ff", 16), -B(3), type(-B(3)).__name__, abs(B(-2)))
class Flag(int):
    def __bool__(self):
        return False
print(bool(Flag(1)), "t" if Flag(5) else "f")
