# groupby and its _grouper objects (sharing one input: advancing the
# groupby ends the previous group), and tee (iterators sharing a buffer).
import itertools
from itertools import groupby, tee, islice, count

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
print([(k, list(g)) for k, g in groupby(["apple", "avocado", "banana", "blueberry", "cherry"], lambda s: s[0])])
print([(k, list(g)) for k, g in groupby([])], [(k, list(g)) for k, g in groupby("x")])
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2, 2.0], key=None)])

# Advancing the groupby invalidates the earlier groups.
groups = []
for k, g in groupby("aabbbc"):
    groups.append(g)
print([list(g) for g in groups])
gb = groupby("aaabbc")
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
k3, g3 = next(gb)
print(k3, list(g3), list(g3))
print(next(gb, "end"))
# A group read partially, then the groupby advanced: the rest is skipped.
gb = groupby([1, 1, 1, 2, 2, 3])
k, g = next(gb)
print(k, next(g))
k, g = next(gb)
print(k, list(g))
# Reading a group to its end leaves the next key read ahead.
gb = groupby("aab")
k, g = next(gb)
print(list(g))
print(next(gb)[0])
# The groups share the input with the groupby.
it = iter("xxyz")
gb = groupby(it)
k, g = next(gb)
print(k, next(it), list(g))
print([(k, list(g)) for k, g in gb])
print(type(g).__name__, type(gb).__name__)

# Key calls: once per item, in order.
calls = []


def key(x):
    calls.append(x)
    return x % 3 == 0


print([(k, list(g)) for k, g in groupby([3, 6, 1, 4, 9, 2], key)], calls)

# Keys compared with ==, target key first.
class K:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return abs(self.v - other.v) <= 1

    __hash__ = None


res = [(k.v, [x.v for x in g]) for k, g in groupby([K(1), K(2), K(3), K(5), K(6), K(9)])]
print(res)

# Errors: from the key function, from __eq__, from the input.
def bad_key(x):
    if x == 3:
        raise ValueError("bad key %d" % x)
    return x // 2


gb = groupby([0, 1, 2, 3, 4], bad_key)
try:
    for k, g in gb:
        print(k, list(g))
except ValueError as e:
    print("ValueError", e)
print([(k, list(g)) for k, g in gb])


class BadEq:
    def __eq__(self, other):
        raise RuntimeError("no eq")

    __hash__ = None


gb = groupby([BadEq(), BadEq()])
k, g = next(gb)
print(type(k).__name__)
try:
    list(g)
except RuntimeError as e:
    print("RuntimeError in group", e)
try:
    next(gb)
except RuntimeError as e:
    print("RuntimeError in groupby", e)

# _grouper built directly.
gb = groupby("ppq")
g = itertools._grouper(gb, "p")
print(list(g), next(gb, None)[0])

# ---- tee ----
a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee("abc", 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee([1], 1)), len(tee([1], 5)))
(only,) = tee("q", 1)
print(type(only).__name__, list(only))
a, b = tee(count())
print([next(a) for _ in range(200)][-1], next(b), list(islice(b, 3)))
# Far apart: items are kept in linked buffers.
a, b = tee(iter(range(1000)))
print(sum(a), sum(b))
a, b = tee(range(300))
print(list(islice(a, 120))[-1], list(islice(b, 57))[-1], next(a), next(b), len(list(a)), len(list(b)))
# The source is read once, lazily.
log = []


def src():
    for i in range(4):
        log.append(i)
        yield i


a, b = tee(src())
print(log, next(a), log, next(b), log)
print(list(b), log, list(a))
# Copies: __copy__ and tee of a tee share the buffer.
a, b = tee("wxyz")
next(a)
c = a.__copy__()
print(type(c).__name__, list(c), list(a), list(b))
a, b = tee("hello")
next(a)
x, y = tee(a)
print(x is a, list(x), list(y), list(b))
t = itertools._tee("abc")
u = itertools._tee(t)
print(next(t), next(u), list(t), list(u))
# An iterator with __copy__ is used as it is.
class Copyable:
    def __init__(self, n, start=0):
        self.n = n
        self.i = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i

    def __copy__(self):
        print("copy at", self.i)
        return Copyable(self.n, self.i)


c = Copyable(3)
next(c)
p, q, r = tee(c, 3)
print(p is c, list(p), list(q), list(r))
# Errors from the source propagate to whichever tee reads it.
def flaky():
    yield 1
    raise KeyError("src")


a, b = tee(flaky())
print(next(a), next(b))
try:
    next(b)
except KeyError as e:
    print("KeyError", e)
print(list(a), list(b))
# Re-entering the lead tee from the source is refused.
def reenter():
    yield 1
    yield next(tees[0])


tees = tee(reenter())
print(next(tees[0]))
try:
    next(tees[0])
except RuntimeError as e:
    print("RuntimeError", e)
def reenter2():
    yield 1
    yield next(tees2[1])


tees2 = tee(reenter2())
print(next(tees2[0]))
try:
    print(next(tees2[0]))
except RuntimeError as e:
    print("RuntimeError", e)
print(type(itertools._tee_dataobject(iter([]), [], None)).__name__)
