g = (x * 2 for x in range(5))
print(g.__name__, g.__qualname__, type(g).__name__)
print(next(g), list(g), list(g))
def outer():
    return (i for i in range(3))
print(outer().__qualname__)
try:
    g2 = (x for x in 5)
except TypeError as e:
    print("eager iter():", e)
def lazy_cond():
    print("cond evaluated")
    return True
g3 = (x for x in range(3) if lazy_cond())
print("created g3")
print(next(g3))
data = [1, 2, 3]
g4 = (x for x in data)
data.append(4)
print(list(g4))
data2 = [1, 2]
g5 = (x for x in data2)
data2 = [9, 9]
print(list(g5))
print(sum(x for x in range(5) if x % 2), max((len(w), w) for w in "a bb ccc".split()))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(list((yield_ for yield_ in "ab")))
