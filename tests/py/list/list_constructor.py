print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list({"a": 1}.items()), list(x * x for x in range(4)))
print(list(b"hi"), list(reversed([1, 2, 3])), list(map(str, [1, 2])), list(zip("ab", "cd")), list(enumerate("xy", 1)), list(iter([9])))
class Gen:
    def __iter__(self):
        yield from (1, 2, 3)
class Seq:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
class LenHint:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
    def __length_hint__(self): return 1000
print(list(Gen()), list(Seq()), list(LenHint()))
for bad in (5, None, 1.5):
    try:
        list(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
class MyList(list):
    pass
m = MyList("ab")
print(m, type(m).__name__, type(list(m)).__name__, m == ["a", "b"])
