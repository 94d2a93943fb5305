def f(*a): return a
print(f(*"ab"), f(*b"ab"), f(*{1: 2, 3: 4}), f(*range(3)), f(*(x for x in [5, 6])))
print(f(*{"k": 1}.items()), f(*sorted({3, 1, 2})))
print(f(*[[1], [2]]), f(*[], *(), *""))
def g(a, b, *, c): return a, b, c
print(g(*[1, 2], c=3), g(*"xy", **{"c": "z"}))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * i
print(f(*Seq()))
