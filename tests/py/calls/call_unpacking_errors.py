def f(*a, **k): return a, k
five, text, lst = 5, 'str', []
tests = [
    lambda: f(*1),
    lambda: f(*None),
    lambda: f(**1),
    lambda: f(**[("a", 1)]),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: f(a=1, **{"a": 2}),
    lambda: len(*[1, 2]),
    lambda: five(),
    lambda: text(),
    lambda: lst(),
    lambda: f()(),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(e)
class Mapping:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k * 2
print(f(**Mapping()))
class Iter:
    def __iter__(self): return iter([1, 2, 3])
print(f(*Iter()))
def gen():
    yield from range(3)
print(f(*gen()))
