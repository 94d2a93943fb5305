# Subclassing the itertools types, and inputs that re-enter or mutate the
# iterator reading them (the results are CPython's; nothing may crash).
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
                       filterfalse, starmap, groupby, islice, pairwise, tee, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)

# ---- the types ----
for name in ["count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile",
             "takewhile", "filterfalse", "starmap", "groupby", "_grouper", "islice", "pairwise",
             "_tee", "_tee_dataobject", "zip_longest", "product", "permutations", "combinations",
             "combinations_with_replacement"]:
    t = getattr(itertools, name)
    try:
        class Sub(t):
            pass
        sub = "subclassable"
    except TypeError as e:
        sub = type(e).__name__
    print(repr(t), t.__name__, t.__qualname__, t.__module__, hasattr(t, "__next__"),
          hasattr(t, "__iter__"), sub)
print(type(itertools.tee), itertools.tee.__name__)
print(sorted(n for n in dir(itertools) if not n.startswith("__")))
print(itertools.__name__)
it = count()
print(iter(it) is it, type(it) is count, isinstance(it, count))


# ---- subclasses ----
class Count(count):
    def __init__(self, start=0, step=1):
        self.start_value = start

    def __next__(self):
        return super().__next__() * 10


c = Count(3, 2)
print(c.start_value, next(c), next(c), repr(c), list(islice(c, 3)))


class Rep(repeat):
    extra = "class attr"


r = Rep("z", 2)
r.note = "instance attr"
print(repr(r), r.extra, r.note, list(r), r.__length_hint__())


class Chain(chain):
    def __repr__(self):
        return "<Chain>"


c = Chain("ab", "c")
print(repr(c), list(c), type(Chain.from_iterable(["xy"])).__name__, list(Chain.from_iterable(["xy"])))


class Slots(islice):
    __slots__ = ("a", "b")


s = Slots(range(10), 2, 8, 2)
s.a = 1
print(list(s), s.a)


class GB(groupby):
    def __next__(self):
        k, g = super().__next__()
        return k.upper(), list(g)


print(list(GB("aabccc")))


class Prod(product):
    def __init__(self, *args, **kwargs):
        self.kw = kwargs


p = Prod("ab", repeat=2)
print(p.kw, list(p))


class Acc(accumulate):
    pass


print(list(Acc([1, 2, 3], initial=5)), repr(Acc.__mro__))
for base, args in [(cycle, ("ab",)), (compress, ("ab", [0, 1])), (dropwhile, (bool, [1, 0, 2])),
                   (takewhile, (bool, [1, 0])), (filterfalse, (bool, [0, 1])),
                   (starmap, (pow, [(2, 2)])), (pairwise, ("abc",)),
                   (zip_longest, ("a", "bc")), (permutations, ("ab",)),
                   (combinations, ("abc", 2)), (combinations_with_replacement, ("ab", 2))]:
    class S(base):
        def __next__(self):
            return ("S", super().__next__())

    print(base.__name__, list(islice(S(*args), 4)))
# __class__ assignment between a subclass and another with the same layout.
class C1(count):
    pass


class C2(count):
    pass


c = C1(5)
c.__class__ = C2
print(type(c).__name__, next(c), repr(c))

# ---- inputs that raise ----
class Raiser:
    def __init__(self, good, exc):
        self.good = list(good)
        self.exc = exc

    def __iter__(self):
        return self

    def __next__(self):
        if self.good:
            return self.good.pop(0)
        raise self.exc


def drain(it, limit=10):
    out = []
    for _ in range(limit):
        try:
            x = next(it)
            if type(x) is tuple and len(x) == 2 and type(x[1]).__name__ == "_grouper":
                x = (x[0], "<group>")
            out.append(x)
        except StopIteration:
            out.append("stop")
            break
        except Exception as e:
            out.append(type(e).__name__)
    return out


for make in [lambda r: cycle(r), lambda r: accumulate(r), lambda r: chain(r, "z"),
             lambda r: compress(r, repeat(1)), lambda r: compress("abcdef", r),
             lambda r: dropwhile(bool, r), lambda r: takewhile(bool, r),
             lambda r: filterfalse(None, r), lambda r: starmap(max, r), lambda r: groupby(r),
             lambda r: islice(r, 5), lambda r: pairwise(r), lambda r: tee(r)[0],
             lambda r: zip_longest(r, "abcdef")]:
    src = Raiser([(1, 2), (3, 4)], ValueError("v"))
    print(drain(make(src)))
for make in [lambda: product(Raiser([1], KeyError("k"))), lambda: combinations(Raiser([1], KeyError("k")), 1)]:
    try:
        make()
    except KeyError as e:
        print("KeyError at construction", e)

# ---- re-entrant inputs ----
# (Not pairwise: CPython 3.11 reads freed memory when pairwise is re-entered.)
def reentrant(get_it, n=4):
    def gen():
        for i in range(n):
            if i == 2:
                try:
                    v = ("inner", next(get_it()))
                except Exception as e:
                    v = (type(e).__name__, str(e))
                yield v
            else:
                yield i
    return gen()


holder = []
for make in [lambda g: cycle(g), lambda g: accumulate(g, lambda a, b: b), lambda g: chain(g),
             lambda g: islice(g, 10), lambda g: zip_longest(g, "ab"),
             lambda g: dropwhile(lambda x: False, g), lambda g: takewhile(lambda x: True, g),
             lambda g: compress(g, repeat(1)), lambda g: filterfalse(lambda x: False, g),
             lambda g: groupby(g)]:
    holder[:] = []
    g = reentrant(lambda: holder[0])
    obj = make(g)
    holder.append(obj)
    holder.append(g)  # CPython would free g while it runs when islice drops it
    print(type(obj).__name__, drain(obj, 8))

# A key function that advances its own groupby.
gb = None


def key(x):
    if x == 3:
        try:
            print("  reentered ->", next(gb)[0])
        except Exception as e:
            print("  reentered ->", type(e).__name__, e)
    return x // 2


gb = groupby(range(7), key)
print([(k, list(g)) for k, g in gb])

# A predicate that reads from the same iterator.
src = iter(range(10))


def pred(x):
    next(src, None)
    return x < 6


print(list(dropwhile(pred, src)))
src = iter(range(10))
print(list(takewhile(pred, src)))
src = iter(range(10))
print(list(filterfalse(pred, src)))

# __eq__ that advances the groupby while it compares keys.
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if self.v == 1 and not done:
            done.append(1)
            print("  inner next:", next(gb2, "exhausted")[0].v)
        return self.v == other.v

    __hash__ = None

    def __repr__(self):
        return "Key(%d)" % self.v


done = []
gb2 = groupby([Key(1), Key(1), Key(2), Key(3), Key(3)])
print([(k, len(list(g))) for k, g in gb2])

# A list mutated while it is being cycled or chained.
lst = [1, 2, 3]
c = cycle(lst)
print(next(c), next(c))
lst.append(4)
print(list(islice(c, 6)))
lst = [1, 2]
c = chain(lst, lst)
out = []
for x in c:
    out.append(x)
    if len(lst) < 4:
        lst.append(x + 10)
print(out)
# zip_longest whose input exhausts another input.
a = iter(range(5))
class Eater:
    def __iter__(self):
        return self
    def __next__(self):
        next(a, None)
        return "e"


print(list(islice(zip_longest(a, Eater(), fillvalue="-"), 5)))
# tee whose source is another tee of the same buffer.
a, b = tee(range(3))
c, d = tee(a)
print(list(c), list(b), list(d))
