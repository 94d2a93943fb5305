class Bag:
    def __init__(self, *items): self.items = list(items)
    def __repr__(self): return f"Bag{tuple(self.items)}"
    def __add__(self, o):
        if isinstance(o, Bag): return Bag(*self.items, *o.items)
        if isinstance(o, list): return Bag(*self.items, *o)
        return NotImplemented
    def __radd__(self, o):
        if isinstance(o, list): return Bag(*o, *self.items)
        return NotImplemented
    def __mul__(self, n): return Bag(*(self.items * n))
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, Bag) and self.items == o.items
    def __len__(self): return len(self.items)
    def __contains__(self, x): return x in self.items
b = Bag(1, 2)
print(b + Bag(3), b + [4], [0] + b, b * 2, 2 * b, b == Bag(1, 2), len(b), 2 in b)
try:
    b + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + b
except TypeError as e:
    print(type(e).__name__, e)
print(sum([Bag(1), Bag(2)], Bag()))
