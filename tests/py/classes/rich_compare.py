class Ver:
    def __init__(self, *p): self.p = p
    def __repr__(self): return "Ver" + repr(self.p)
    def __eq__(self, o):
        print(f"  {self!r}.__eq__({o!r})")
        return self.p == o.p if isinstance(o, Ver) else NotImplemented
    def __lt__(self, o):
        print(f"  {self!r}.__lt__({o!r})")
        return self.p < o.p if isinstance(o, Ver) else NotImplemented
    def __le__(self, o):
        print(f"  {self!r}.__le__({o!r})")
        return self.p <= o.p
a, b = Ver(1, 2), Ver(1, 3)
print(a < b)
print(a > b)
print(a <= b)
print(a >= b)
print(a == b)
print(a != b)
print(a == 5)
print(a != 5)
print(sorted([Ver(3), Ver(1), Ver(2)]))
class SubVer(Ver):
    def __eq__(self, o):
        print("  SubVer.__eq__")
        return True
print(Ver(1) == SubVer(2))
print(SubVer(2) == Ver(1))
class Other:
    def __repr__(self): return "Other()"
    def __gt__(self, o):
        return "Other.__gt__"
print(Ver(1) < Other())
