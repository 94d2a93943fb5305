# fsum (exact, correctly rounded, special values), prod (ints stay exact,
# start=), hypot (n-ary) and dist.
import math


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum([-0.0]), math.fsum([-0.0, -0.0]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([1, 1e16, 1e-16]), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([2.0**53, 1.0, 2.0**-100]), math.fsum([1.7e308, 1.7e308, -1.7e308]) if False else '')
print(math.fsum(x / 7 for x in range(1000)), math.fsum(range(10**6, 10**6 + 100)), math.fsum([1, 2**60, 3]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -math.inf]), math.fsum([math.nan, 1.0]),
      math.fsum([math.inf, math.nan]))
print(show(math.fsum, [math.inf, -math.inf]), show(math.fsum, [1e308, 1e308]),
      show(math.fsum, [1e308, 1e308, -1e308]), show(math.fsum, [math.inf, 1e308, 1e308]),
      show(math.fsum, [1, 'a']), show(math.fsum, 5), show(math.fsum, [10**400]))
# Exactness: the rounded sum of values whose exact sum is known.
vals = [(-1) ** i * 2.0 ** (i % 60) * (1 + i / 1024) for i in range(400)]
print(math.fsum(vals), math.fsum(reversed(vals)), math.fsum(sorted(vals)))
print(math.fsum([1.0, 1e-300, -1.0]), math.fsum([5e-324, 5e-324, -5e-324]), math.fsum([0.3, -0.1, -0.1, -0.1]))

print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 30)), math.prod([2.5, 4]), math.prod([2, 2.5]))
print(math.prod([], start=5), math.prod([3], start=2.0), math.prod([2**40, 2**40, 2**40]), math.prod([True, True]),
      math.prod([], start=True), math.prod([0.5] * 3, start=4), math.prod(['ab'], start=3), math.prod([[1]], start=2))
print(math.prod([1e200, 1e200]), math.prod([-1.0, 0.0]), math.prod([2**62, 2]), math.prod([-2**62, 2, 1]), math.prod([3, 1.5, 10**20]))
print(show(math.prod, [1, 'a'], start=None), show(math.prod, ['a', 'b']), show(math.prod, 3),
      show(math.prod), show(math.prod, [1], 2), show(math.prod, iterable=[1]), show(math.prod, [1], foo=1),
      show(math.prod, [1], start=2, foo=3))

print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(*range(20)))
print(math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(1e-310, 2e-310, 3e-310), math.hypot(math.inf, math.nan),
      math.hypot(math.nan, 1), math.hypot(-math.inf, 0), math.hypot(0.0, -0.0), math.hypot(True, 2**60))
print([math.hypot(i / 3, i / 7, 1 / (i + 1)) for i in range(10)])
print(show(math.hypot, 1, 'a'), show(math.hypot, 10**400), show(lambda: math.hypot(x=1)))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.dist((), ()), math.dist(iter([1.5]), range(3, 4)))
print(math.dist((1e308, -1e308), (-1e308, 1e308)), math.dist((math.inf, 0), (math.inf, 1)), math.dist((math.nan,), (1,)))
print(show(math.dist, (1, 2), (1, 2, 3)), show(math.dist, 1, (1,)), show(math.dist, (1,), 'a'), show(math.dist, (1,)),
      show(math.dist, ('a',), (1,)), show(math.dist, [1, 2], [3]))
