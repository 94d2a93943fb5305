# The iterators that end with their shortest input: values, laziness, the
# order inputs are consumed in, and what an exhausted iterator does next.
from itertools import (accumulate, chain, compress, dropwhile, filterfalse, islice, pairwise,
                       starmap, takewhile, zip_longest, count, repeat)

log = []


class Noisy:
    """An iterator that logs every item it hands out."""

    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            log.append(self.name + ":end")
            raise StopIteration
        x = self.items[self.i]
        self.i += 1
        log.append("%s:%r" % (self.name, x))
        return x


def flush(label):
    print(label, log)
    log.clear()


# ---- accumulate ----
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], min)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=100)))
print(list(accumulate([])))
print(list(accumulate("abc")))
print(list(accumulate([[1], [2], [3]])))
print(list(accumulate([1.5, 2.5, 3])))
print(list(accumulate(range(5), lambda a, b: b - a, initial=10)))
print(list(accumulate([2, 3], func=pow)))
a = accumulate(Noisy("acc", [1, 2, 3]), initial=0)
print(next(a))
flush("initial first, nothing read:")
print(list(a))
flush("then:")
a = accumulate([1, "x", 3])
print(next(a))
try:
    next(a)
except TypeError as e:
    print(type(e).__name__, e)
print(list(a))

# ---- chain ----
print(list(chain()))
print(list(chain("ab", [1, 2], (), range(2), {"k": 0})))
print(list(chain.from_iterable(["ab", "cd", ""])))
print(list(chain.from_iterable(repeat([1, 2], 3))))
print(list(islice(chain.from_iterable(repeat("xy")), 5)))
c = chain(Noisy("a", [1, 2]), Noisy("b", [3]))
print(next(c))
flush("chain one:")
print(list(c))
flush("chain rest:")
c = chain.from_iterable(Noisy("outer", ["ab", "c"]))
print(list(c))
flush("from_iterable:")
# A non-iterable input ends the chain when it is reached.
c = chain([1], 2, [3])
print(next(c))
try:
    next(c)
except TypeError as e:
    print(type(e).__name__, e)
print(list(c))
# An input that raises is kept: the chain resumes it.
def flaky():
    yield 1
    raise ValueError("flaky")


class Resumable:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            raise ValueError("once")
        if self.n > 4:
            raise StopIteration
        return self.n


c = chain(Resumable(), "z")
out = []
while True:
    try:
        out.append(next(c))
    except ValueError as e:
        out.append("ValueError:" + str(e))
    except StopIteration:
        break
print(out)
c = chain(flaky(), "z")
print(next(c))
try:
    next(c)
except ValueError as e:
    print("ValueError", e)
print(list(c))

# ---- compress ----
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(compress("ABCDEF", [1, 0, 1])))
print(list(compress("AB", [1, 1, 1, 1])))
print(list(compress(range(10), cycle := [True, False] * 5)))
print(list(compress(data="xyz", selectors=[0, "", "s"])))
c = compress(Noisy("data", "abc"), Noisy("sel", [0, 1]))
print(list(c))
flush("compress order:")

# ---- dropwhile / takewhile ----
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: True, [1, 2])), list(takewhile(lambda x: True, [1, 2])))
print(list(dropwhile(lambda x: False, [1, 2])), list(takewhile(lambda x: False, [1, 2])))
print(list(dropwhile(bool, [1, 2, 0, 3])), list(takewhile(bool, [1, 2, 0, 3])))
t = takewhile(lambda x: x < 3, Noisy("tw", range(10)))
print(list(t))
flush("takewhile consumed:")
print(list(t))
flush("takewhile after stop:")
d = dropwhile(lambda x: x < 3, Noisy("dw", range(6)))
print(next(d))
flush("dropwhile consumed:")
print(list(d))
flush("rest:")
calls = []


def pred(x):
    calls.append(x)
    return x < 2


print(list(dropwhile(pred, range(5))), calls)
calls.clear()
print(list(takewhile(pred, range(5))), calls)

# ---- filterfalse ----
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, "", "a", [], [0], None])))
print(list(filterfalse(bool, [0, 1, "", "a"])))

# ---- islice ----
s = "ABCDEFG"
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, None, None)), list(islice(s, None, None, None)))
print(list(islice(s, 1, None, 3)), list(islice(s, 10)), list(islice(s, 10, 20)), list(islice(s, 0)))
print(list(islice(range(100), 5, 50, 10)))
print(list(islice(count(), 1000000, 1000003)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 1, 7, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 5, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 0)), next(it))
it = iter(range(10))
print(list(islice(it, 3, 3)), next(it))
sl = islice(Noisy("isl", "abcdefgh"), 1, 6, 2)
print(next(sl))
flush("islice first:")
print(list(sl))
flush("islice rest:")
print(list(sl))
flush("islice after end:")
# An error from the input ends the islice.
sl = islice(flaky(), 5)
print(next(sl))
try:
    next(sl)
except ValueError as e:
    print("ValueError", e)
print(list(sl))

# ---- pairwise ----
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise("")))
print(list(pairwise(range(4))))
p = pairwise(Noisy("pw", [1, 2, 3]))
print(next(p))
flush("pairwise first:")
print(list(p), list(p))
flush("pairwise end:")

# ---- starmap ----
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: a, ["ab", [1], (), range(3)])))
print(list(starmap(max, [[1, 5], [7, 2]])))

# ---- zip_longest ----
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest("AB", "wxyz", [1])))
print(list(zip_longest()), list(zip_longest("")), list(zip_longest("a")))
print(list(zip_longest(range(3), repeat("r", 1), fillvalue=0)))
z = zip_longest(Noisy("a", [1, 2]), Noisy("b", [9]))
print(list(z))
flush("zip_longest order:")
print(list(z))
flush("zip_longest after end:")
z = zip_longest([1, 2, 3], flaky())
print(next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError", e)
print(list(z))
