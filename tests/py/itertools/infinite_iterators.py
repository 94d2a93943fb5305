# count, cycle and repeat: values, reprs, number types, exhaustion.
import itertools
from itertools import count, cycle, repeat, islice


def take(n, it):
    return list(islice(it, n))


# ---- count ----
print(take(5, count()))
print(take(5, count(10)))
print(take(5, count(3, 2)))
print(take(5, count(-2, -3)))
print(take(4, count(1.5, 0.5)))
print(take(4, count(0.1, 0.1)))
print(take(3, count(2**64)))
print(take(3, count(2**64, -2**63)))
print(take(3, count(3 + 4j, 1j)))
print(take(3, count(step=5)))
print(take(3, count(start=7, step=0)))
print(take(3, count(True)), [type(x).__name__ for x in take(3, count(True))])
print(take(3, count(True, 2)), [type(x).__name__ for x in take(3, count(True, 2))])
print(take(3, count(0, True)), [type(x).__name__ for x in take(3, count(0, True))])
print(take(3, count(1.0, True)))
print(take(3, count(9223372036854775806)))
print(take(3, count(4611686018427387902)))
print(take(3, count(-4611686018427387905, 1)))


class Int(int):
    pass


c = count(Int(5))
print(take(2, c), [type(x).__name__ for x in take(2, count(Int(5)))])
print(repr(c))
c = count(Int(5), 2)
print([type(x).__name__ for x in take(2, c)])

for args in [(), (5,), (-5,), (1.5, 0.5), (0, 2), (0, 1.0), (0, 0), (True,), (True, 2),
             (1.0, True), (2**70,), (0, 2**70), (3 + 4j, 1j), (Int(3),), (0, -1), (1, 1)]:
    print(args, repr(count(*args)))

c = count(3)
next(c)
next(c)
print(repr(c), next(c), repr(c))
c = count(0.5, 0.25)
for _ in range(3):
    next(c)
print(repr(c))

# A count whose step cannot be added stops with the error and keeps its value.
class Odd:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __add__(self, other):
        if self.v >= 2:
            raise ValueError("too big")
        return Odd(self.v + other)

    def __repr__(self):
        return "Odd(%d)" % self.v


c = count(Odd(0), 1)
print(repr(c))
print(next(c), next(c))
try:
    next(c)
except ValueError as e:
    print("ValueError", e)
print(repr(c))
try:
    next(c)
except ValueError as e:
    print("ValueError again", e)

# Decimal-like numbers: anything with __float__ is accepted.
class F:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)

    def __add__(self, o):
        return F(self.v + (o.v if isinstance(o, F) else o))

    def __repr__(self):
        return "F(%r)" % self.v


print(take(3, count(F(1), F(2))), repr(count(F(1), F(2))))
print(repr(count(F(1))))

# ---- cycle ----
print(take(7, cycle("abc")))
print(take(7, cycle([1])))
print(list(cycle([])))
print(take(5, cycle(iter(range(3)))))
print(take(5, cycle(x * x for x in range(3))))
d = {"a": 1, "b": 2}
print(take(5, cycle(d)))
c = cycle([1, 2, 3])
print(next(c), next(c))
print(take(6, c))
# Items keep their identity across passes.
items = [[1], "x", (2,)]
c = cycle(items)
first = take(3, c)
second = take(3, c)
print(all(a is b for a, b in zip(first, second)))
# The input is read only once.
log = []


def gen():
    for i in range(3):
        log.append(i)
        yield i


c = cycle(gen())
print(take(8, c), log)
print(take(1, cycle(range(10**9))))

# ---- repeat ----
print(list(repeat("x", 3)))
print(list(repeat("x", 0)))
print(list(repeat("x", -3)))
print(take(4, repeat(None)))
print(list(repeat(1, times=2)))
print(list(repeat(object=2, times=2)))
print(list(repeat(5, True)))
r = repeat([1, 2], 3)
print(r.__length_hint__(), next(r), r.__length_hint__())
print(list(r), r.__length_hint__(), list(r))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print(type(e).__name__, e)
print(repr(repeat(1)), repr(repeat("a", 2)), repr(repeat([1], -4)), repr(repeat(None, 0)))
print(repr(repeat(repeat(2, 3))))
r = repeat(1.5, 4)
next(r)
print(repr(r))
lst = [1, 2]
x, y = repeat(lst, 2)
print(x is lst, y is lst)
print(list(map(pow, range(5), repeat(2))))
print(list(zip("abc", repeat(0))))
print(repeat.__name__, count.__name__, cycle.__name__)

# __reduce__ of count and repeat: rebuilding from it gives an equal iterator.
import sys
for obj in [count(5), count(), count(True), count(True, 2), count(2**70), count(1.5, 0.5),
            count(sys.maxsize - 2), repeat(1, 3), repeat("x"), repeat(2, -3)]:
    next(obj, None)
    f, args = obj.__reduce__()
    print(repr(obj), f.__name__, args, repr(f(*args)))
c = count(sys.maxsize - 2)
next(c)
next(c)
next(c)  # past sys.maxsize: the (cnt, step) form
print(c.__reduce__()[1])


class Sub(count):
    pass


print(Sub(3).__reduce__()[0] is Sub)
