# __reduce__ and __setstate__ of the builtin iterators (what pickle and
# copy use), with CPython's shapes: (iter, (seq,), index), (iter, (list,))
# for dict and set iterators, exhausted forms and clipping of the index.
def show(it):
    r = it.__reduce__()
    f = r[0].__name__
    print(type(it).__name__, f, r[1:])

def fresh_and_advanced(make, steps=1):
    it = make()
    show(it)
    for _ in range(steps):
        next(it)
    show(it)
    for _ in it:
        pass
    show(it)

fresh_and_advanced(lambda: iter([1, 2, 3]))
fresh_and_advanced(lambda: reversed([1, 2, 3]))
fresh_and_advanced(lambda: iter((1, 2, 3)))
fresh_and_advanced(lambda: reversed((1, 2, 3)))
fresh_and_advanced(lambda: iter(b"abc"))
fresh_and_advanced(lambda: iter(bytearray(b"abc")))
fresh_and_advanced(lambda: iter("abc"))
fresh_and_advanced(lambda: iter("\u00e9t\u00e9"))
fresh_and_advanced(lambda: iter(range(3)))
fresh_and_advanced(lambda: iter(range(10, 0, -3)))
fresh_and_advanced(lambda: reversed(range(1, 7, 2)))
fresh_and_advanced(lambda: iter(range(2 ** 65, 2 ** 65 + 6, 2)))
fresh_and_advanced(lambda: reversed(range(2 ** 65, 2 ** 65 + 3)))
fresh_and_advanced(lambda: iter({1: "a", 2: "b", 3: "c"}))
fresh_and_advanced(lambda: iter({1: "a", 2: "b"}.values()))
fresh_and_advanced(lambda: iter({1: "a", 2: "b"}.items()))
fresh_and_advanced(lambda: reversed({1: "a", 2: "b"}))
fresh_and_advanced(lambda: reversed({1: "a", 2: "b"}.items()))
fresh_and_advanced(lambda: reversed({1: "a", 2: "b"}.values()))
fresh_and_advanced(lambda: iter({1, 2, 3}))
fresh_and_advanced(lambda: iter(frozenset({4})))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 2
    def __repr__(self):
        return "Seq()"
fresh_and_advanced(lambda: iter(Seq()))

counter = iter([1, 2, 3, 0, 5]).__next__
it = iter(counter, 0)
r = it.__reduce__()
print(r[0].__name__, len(r[1]), r[1][1])
print(list(it), it.__reduce__()[1])

# The iterator being reduced does not move.
it = iter({1: 1, 2: 2, 3: 3})
next(it)
it.__reduce__()
print(list(it))

# __setstate__ and rebuilding from the reduce value.
def rebuild(it):
    r = it.__reduce__()
    new = r[0](*r[1])
    if len(r) > 2:
        new.__setstate__(r[2])
    return new

for make in [lambda: iter([5, 6, 7, 8]), lambda: iter((5, 6, 7, 8)), lambda: iter(b"wxyz"),
             lambda: iter(range(4)), lambda: iter(range(2 ** 70, 2 ** 70 + 4)),
             lambda: reversed([5, 6, 7, 8]), lambda: reversed((5, 6, 7, 8)), lambda: iter("wxyz"),
             lambda: iter(Seq())]:
    it = make()
    next(it)
    print(type(it).__name__, list(rebuild(it)))
    for state in [-5, 0, 2, 100]:
        it = make()
        it.__setstate__(state)
        print("  setstate", state, list(it))
    for bad in ["x", 2 ** 80]:
        try:
            make().__setstate__(bad)
            print("  accepted", type(bad).__name__)
        except (TypeError, OverflowError) as e:
            print(" ", type(e).__name__, e)

it = iter(range(2 ** 32 + 2))
it.__setstate__(2 ** 32 + 1)
print(it.__reduce__()[2], next(it))
it = iter([1, 2])
list(it)
it.__setstate__(0)
print(list(it))
