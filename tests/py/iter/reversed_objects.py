class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq(4))), list(Seq(3)))
class RevOnly:
    def __reversed__(self): return iter("cba")
print(list(reversed(RevOnly())))
class RevNone:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(RevNone())
except TypeError as e:
    print(type(e).__name__, e)
for obj in [[1, 2], (1, 2), "ab", range(3), {"a": 1}, {"a": 1}.values(), b"xy"]:
    print(type(obj).__name__, list(reversed(obj)))
for obj in [{1, 2}, iter([1]), 5, (x for x in [])]:
    try:
        reversed(obj)
    except TypeError as e:
        print(type(e).__name__, e)
