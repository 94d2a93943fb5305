# _random.Random itself: MT19937 seeded from ints (any size, sign), floats
# and other hashables by their hash; random(), getrandbits(k) for small and
# big k, the 625-item state, and CPython's argument errors.
import _random

R = _random.Random


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


r = R(5)
print(r.random(), r.getrandbits(40), r.getrandbits(100), r.getrandbits(0), r.getrandbits(32),
      r.getrandbits(1), r.getrandbits(33), r.getrandbits(64), r.getrandbits(65))
for seed in [0, 1, 5, -5, 2**32 - 1, 2**32, 2**64 + 5, 10**100, -10**100, True, False, 3.25, -3.25,
             -0.0, 1e300, float('inf'), (1, 2), None.__class__, 'x' and 7]:
    r = R(seed) if seed is not None.__class__ else R(12345)
    state = r.getstate()
    print(repr(seed)[:30], r.random(), r.getrandbits(77), r.getrandbits(1000) % 10**12, state[-1], state[:3],
          sum(state) % 10**9)

r = R(42)
print([r.random() for _ in range(6)])
print([r.getrandbits(k) for k in (1, 2, 3, 7, 8, 31, 32)])
print(r.getrandbits(20000) % 10**30, r.getrandbits(4096).bit_length() <= 4096)

# seed() reseeds in place; the words used are the int's 32-bit chunks
r = R()
r.seed(2**70 + 12345)
a = r.random()
r.seed(-(2**70 + 12345))
print(a == r.random(), a)
r.seed(0)
print(r.random(), r.seed(), r.seed(None), type(r.random()).__name__)

# getstate/setstate round trip, across a regeneration of the 624 words
r = R(123)
st = r.getstate()
first = [r.random() for _ in range(700)]
r.setstate(st)
second = [r.random() for _ in range(700)]
print(first == second, first[-1], len(st), type(st).__name__, r.getstate()[-1])
r.setstate(st[:-1] + (624,))
print(r.random(), r.getstate()[-1])
r.setstate((2**32 + 7,) + st[1:])  # words are taken modulo 2**32
print(r.getstate()[0], R(1).getstate() == R(1).getstate())

# a new object is all zeros until seeded
x = R.__new__(R)
print(x.getstate()[:3], x.getstate()[-1], x.random(), x.getstate()[-1])


class S(R):
    def __init__(self, a, b=2):
        print('S.__init__', a, b)


s = S(1, b=3)
print(s.random(), type(s).__mro__)


class T(R):
    pass


print(show(T, 1, 2), show(T, x=1), T(3).random() == R(3).random(), T().random() != T().random() or True)

print(show(R, 1, 2), show(R, x=1), show(R, []), show(R, {}))
r = R(1)
print(show(r.seed, 1, 2), show(r.seed, n=1), show(r.seed, []))
print(show(r.getrandbits, -1), show(r.getrandbits, 2**31), show(r.getrandbits, 1.5), show(r.getrandbits),
      show(r.getrandbits, '3'), show(r.getrandbits, True))
print(show(r.random, 1), show(r.getstate, 1), show(r.setstate), show(r.setstate, 5), show(r.setstate, [0] * 625))
good = r.getstate()
for bad in [(1,) * 10, good[:-1] + (625,), good[:-1] + (-1,), (1.5,) + good[1:], (-1,) + good[1:],
            (2**64,) + good[1:], good[:-1] + (3.0,), good[:-1] + (2**70,), ('a',) + good[1:]]:
    print(show(r.setstate, bad))
print(r.getstate() == good)
print(R.__module__, R.__name__, R.__qualname__, R.__doc__)
print(R.random.__doc__, '|', R.getrandbits.__doc__, '|', R.getstate.__doc__, '|', R.setstate.__doc__)
