# itertools objects used through the language's iteration protocol:
# for loops, unpacking, `in`, builtins that consume, length hints.
from itertools import (accumulate, chain, compress, count, cycle, dropwhile, filterfalse, groupby,
                       islice, pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest, combinations)

a, b, c = repeat("u", 3)
print(a, b, c)
first, *rest = islice(count(10), 5)
print(first, rest)
x, (y, z) = pairwise("ab"), "yz"
print(list(x), y, z)
try:
    p, q = repeat(0, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    p, q, r = repeat(0, 2)
except ValueError as e:
    print(type(e).__name__, e)
print(5 in count(), 7 in islice(count(), 5), "b" in cycle("abc"), (1, 1) in product([1], repeat=2))
print(sum(islice(count(1), 100)), max(islice(cycle([3, 9, 2]), 7)), min(combinations([5, 2, 8], 2)))
print(sorted(islice(cycle("dbca"), 6)), sorted(permutations("ba")), any(repeat(0, 5)), all(repeat(1, 5)))
print(dict(zip_longest("abc", [1], fillvalue=0)), set(accumulate([1, 1, 1, 1])))
print(tuple(repeat("t", 4)), list(repeat("l", 4)), "".join(repeat("s", 3)), bytes(repeat(65, 3)))
print(list(enumerate(islice(cycle("xy"), 5), start=1)))
print(list(zip(count(), "abc")), list(map(lambda a, b: a * b, count(1), repeat(2, 4))))
print(list(filter(None, compress(count(), cycle([0, 1])))) [:3] if False else list(islice(filter(None, compress(count(), cycle([0, 1]))), 3)))
print(list(reversed(list(takewhile(lambda v: v < 4, count())))))
print([k for k, _ in groupby(sorted("mississippi"))])
print(list(dropwhile(lambda s: s.startswith("#"), ["#a", "#b", "c", "#d"])))
print(list(filterfalse(str.isdigit, "a1b2c3")))
print(list(starmap("{}-{}".format, product("ab", "12"))))
print([list(t) for t in tee("ab", 3)])
# for loops with break and continue, then the iterator resumed.
c = count()
for v in c:
    if v == 3:
        break
print(next(c))
it = chain("ab", "cd")
for ch in it:
    if ch == "b":
        break
print(list(it))
# A for loop over a generator that yields from itertools.
def gen():
    yield from islice(count(100, 10), 3)
    yield from chain.from_iterable(["x", "yz"])
    return "done"


g = gen()
print(list(g))
def catch():
    r = yield from repeat("v", 2)
    print("returned", r)
    yield "after"


print(list(catch()))
# length hints seen by list(): only repeat has one.
print(repeat(1, 4).__length_hint__(), len(list(repeat(None, 1000))))
print([hasattr(t, "__length_hint__") for t in (count, cycle, repeat, chain, islice, product, tee("a")[0])])
# Comprehensions over combinatorics.
print({s for p in permutations("abc", 2) for s in ["".join(p)]} == {"ab", "ac", "ba", "bc", "ca", "cb"})
print(sum(1 for p in product(range(3), repeat=3) if sum(p) == 3))
# Iterators passed where iterables are expected: str.join, list.extend, dict.update.
l = [0]
l.extend(islice(count(1), 3))
d = {}
d.update(zip(count(), "ab"))
print(l, d, "-".join(map(str, accumulate(range(5)))))
# next() with a default on exhausted iterators.
for it in (islice([], 1), chain(), compress([], []), pairwise([1]), zip_longest(), repeat(1, 0),
           takewhile(bool, [0]), product([]), combinations([], 1), accumulate([])):
    print(type(it).__name__, next(it, "default"))
