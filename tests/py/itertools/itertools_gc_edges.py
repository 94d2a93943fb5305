# Objects kept alive only by itertools state across collections, long tee
# buffers, and bounds at the edge of sys.maxsize.
import gc
import sys
from itertools import (accumulate, chain, count, cycle, groupby, islice, pairwise, product,
                       repeat, tee, zip_longest, permutations, combinations, compress, starmap)


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%r)" % (self.v,)


def boxes(n):
    return (Box(i) for i in range(n))


its = [
    count(Box(0).v, 2),
    cycle(boxes(3)),
    repeat(Box("r"), 3),
    accumulate(boxes(4), lambda a, b: Box(a.v + b.v), initial=Box(100)),
    chain(boxes(2), [Box("c")]),
    chain.from_iterable([boxes(2), boxes(1)]),
    compress(boxes(5), [1, 0, 1]),
    starmap(lambda b: Box(b.v * 10), zip(boxes(3))),
    islice(boxes(10), 2, 8, 3),
    pairwise(boxes(4)),
    zip_longest(boxes(2), boxes(3), fillvalue=Box("f")),
    product([Box(1), Box(2)], repeat=2),
    permutations([Box("a"), Box("b")]),
    combinations([Box(1), Box(2), Box(3)], 2),
]
gc.collect()
for it in its:
    print(type(it).__name__, list(islice(it, 5)))
    gc.collect()

# groupby: the read-ahead item and key live only in the groupby.
gb = groupby(boxes(6), key=lambda b: Box(b.v // 2))
pairs = []
for k, g in gb:
    gc.collect()
    pairs.append((k, list(g)))
print(pairs)

# tee: a slow tee keeps thousands of items in linked buffers.
a, b = tee(Box(i) for i in range(5000))
print(sum(x.v for x in islice(a, 4000)))
gc.collect()
print([x.v for x in islice(b, 3)], sum(x.v for x in b), sum(x.v for x in a))
# Many tees over one source, advanced unevenly.
ts = tee(boxes(200), 5)
for i, t in enumerate(ts):
    for _ in islice(t, i * 40):
        pass
gc.collect()
print([next(t).v for t in ts], [len(list(t)) for t in ts])
# Dropped tees free their buffers; the survivors still read correctly.
a, b, c = tee(range(1000), 3)
del b, c
gc.collect()
print(sum(a))

# Deep chains of iterators built from each other.
it = iter(range(10))
for _ in range(200):
    it = chain(it)
print(list(it))
it = iter(range(30))
for _ in range(50):
    it = islice(it, 1, None)
print(list(it))
it = range(5)
for _ in range(100):
    it = accumulate(it)
print(list(it))

# Bounds near sys.maxsize.
m = sys.maxsize
print(list(islice(range(10), 3, m, m)), list(islice(range(10), m)), list(islice(range(10), 8, m, 1)))
print(list(islice(range(20), 5, None, m)), list(islice(range(20), m - 1, m)))
print(list(islice(count(m - 2), 4)), repr(count(m - 2)))
r = repeat(0, m)
print(r.__length_hint__(), repr(r)[-20:], next(r), r.__length_hint__())
print(list(islice(count(-m, m), 3)))
c = count(2**62 - 2)
print([next(c) for _ in range(4)], repr(c))
c = count(-2**62 - 1, -1)
print([next(c) for _ in range(3)])
print(len(list(product(range(2), repeat=12))), next(permutations(range(m // 2**60))))
