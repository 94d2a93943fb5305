print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum((0.5, 0.25)), sum([1, 2.5, 3j]), sum(range(101)), sum([True, True]), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum([1] * 1000), sum(x * x for x in range(10)), sum([0.1] * 10), sum([10 ** 20, 1, -10 ** 20]), sum([], start=5), sum([1, 2], start=0.5))
for bad in (lambda: sum(["a", "b"]), lambda: sum(["a"], ""), lambda: sum([b"a"], b""), lambda: sum([bytearray(b"a")], bytearray()), lambda: sum(5), lambda: sum([1, "a"]), lambda: sum([[1]])):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
class Vec:
    def __init__(self, x): self.x = x
    def __add__(self, o): return Vec(self.x + (o.x if isinstance(o, Vec) else o))
    __radd__ = __add__
    def __repr__(self): return f"Vec({self.x})"
print(sum([Vec(1), Vec(2)]), sum([Vec(1)], Vec(10)))
print(sum([1e100, 1.0, -1e100]), sum([2 ** 70, 0.5]))
