# The real-valued distributions of random.py (each a formula over
# random() and math's libm functions), over a few seeds.
import mod_random_env  # stands in for modules Pyrite does not have yet
import random

for seed in [1, 2, 3]:
    r = random.Random(seed)
    print(seed)
    print('  ', [r.gauss(0, 1) for _ in range(3)], [r.normalvariate(10, 2) for _ in range(2)])
    print('  ', r.lognormvariate(0, 1), r.expovariate(1.5), r.vonmisesvariate(1, 2), r.vonmisesvariate(0, 0))
    print('  ', r.gammavariate(0.5, 1), r.gammavariate(1, 2), r.gammavariate(3, 1), r.betavariate(2, 3))
    print('  ', r.paretovariate(3), r.weibullvariate(1, 2), r.triangular(), r.triangular(1, 1), r.uniform(-1, 1))
    print('  ', r.randrange(-50, 50, 5), r.randrange(10**30, 10**30 + 10**20), r.sample(range(10**6), 3))
    print('  ', r.choices('xyz', cum_weights=[1, 5, 6], k=5), r.binomialvariate(10, 0.3) if hasattr(r, 'binomialvariate') else '')
    print('  ', r.getrandbits(200), r.randbytes(5))
