class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for v in Seq():
    print(v, end=" ")
print()
class Reusable:
    def __init__(self, data): self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable([1, 2])
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True))
a, b = Reusable("xy")
print(a, b)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class NoIter: pass
try:
    for _ in NoIter(): pass
except TypeError as e:
    print(type(e).__name__, e)
class IterNone:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
it = iter(Seq())
print(next(it), next(it), type(it).__name__)
class KeyErrStop:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrStop())
except KeyError as e:
    print(type(e).__name__, e)
