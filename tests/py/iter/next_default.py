it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value)
print(next(iter([]), 0), next((x for x in range(3) if x > 5), "none found"), next(iter("ab")))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
class Counter:
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("done with value")
        return self.n
c = Counter()
print(next(c), next(c), next(c, "dflt"))
try:
    next(c)
except StopIteration as e:
    print(e.value, e.args)
g = (i for i in [])
print(next(g, "empty gen"), next(g, "still empty"))
