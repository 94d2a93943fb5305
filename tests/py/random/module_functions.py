# random.py's module-level functions over _random's generator, seeded with
# ints and floats; getstate/setstate through random.py.
import mod_random_env  # stands in for modules Pyrite does not have yet
import random

random.seed(42)
print([random.random() for _ in range(5)])
print(random.randint(1, 100), random.choice('abcdef'), random.getrandbits(100), random.randrange(10**20))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.sample(range(1000), 8), random.choices('abc', k=6), random.choices(range(5), [1, 2, 3, 4, 5], k=6))
print(random.uniform(1, 2), random.triangular(0, 10, 3), random.randbytes(9))

for seed in [0, 1, -1, 2**100, -2**100, 3.5, -0.25, True, 10**40 + 1]:
    random.seed(seed)
    print(repr(seed)[:24], random.random(), random.randint(-5, 5), random.getrandbits(70),
          random.choice(range(1000)))
random.seed(123456789, version=1)
print('v1 int', random.random())

random.seed(2024)
state = random.getstate()
print(type(state).__name__, len(state), state[0], len(state[1]), state[2])
a = [random.random() for _ in range(5)] + [random.gauss(0, 1)]
random.setstate(state)
b = [random.random() for _ in range(5)] + [random.gauss(0, 1)]
print(a == b, a)

r = random.Random(99)
r2 = random.Random()
r2.setstate(r.getstate())
print(r.random() == r2.random(), r.randrange(0, 1000, 3), r2.randrange(0, 1000, 3))
print(random.Random(-7).random(), random.Random(7.5).random(), random.Random(2**64).getrandbits(64))


class MyRandom(random.Random):
    def random(self):
        return 0.5


m = MyRandom(3)
print(m.random(), m.randrange(10), m.choice('abc'), m.getrandbits(8))


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


print(show(random.seed, [1]), show(random.randrange, 0), show(random.choice, []), show(random.sample, [1], 2))
print(show(random.getrandbits, -1), show(random.setstate, (9, (), None)))
