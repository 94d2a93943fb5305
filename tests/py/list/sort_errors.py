try:
    sorted([3, "a", 1])
except TypeError as e:
    print(type(e).__name__, e)
l = [3, 1, 2]
def mutating_key(x):
    l.append(x)
    return x
try:
    l.sort(key=mutating_key)
except ValueError as e:
    print(type(e).__name__, e)
print(len(l) >= 3)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 99:
            raise RuntimeError("compare failed")
        return self.v < o.v
    def __repr__(self): return f"C{self.v}"
data = [Cmp(3), Cmp(99), Cmp(1), Cmp(2)]
try:
    data.sort()
except RuntimeError as e:
    print(type(e).__name__, e, sorted(c.v for c in data))
try:
    [1, 2].sort(key=lambda x: x, cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, None])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([1, 2, 3], key=lambda x: [x % 2]), sorted([1.5, 1, True, 0.5]))
