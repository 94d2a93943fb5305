g = (c for c in "ab")
print(next(g), next(g), next(g, "end"))
class Countdown:
    def __init__(self, n): self.n = n
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(2)
print(next(c), next(c), next(c, None))
for bad in (5, [1], "str", Countdown):
    try:
        next(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    next()
except TypeError as e:
    print(type(e).__name__, e)
it = iter(range(3))
print([next(it) for _ in range(3)], next(it, -1))
