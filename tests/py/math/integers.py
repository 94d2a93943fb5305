# factorial comb perm gcd lcm isqrt: exact over big ints, and their errors.
import math


def show(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


print([math.factorial(n) for n in range(25)])
f1000 = math.factorial(1000)
print(len(str(f1000)), f1000 % (10**20 + 39), str(f1000)[:30])
print(math.factorial(5000) == math.prod(range(1, 5001)), math.factorial(True))
print(show(math.factorial, -1), show(math.factorial, 2.0), show(math.factorial, 2**63),
      show(math.factorial, -2**63), show(math.factorial, '5'), show(math.factorial, 10**30))

print([math.comb(10, k) for k in range(-0, 12)])
print([math.perm(7, k) for k in range(0, 9)], math.perm(7), math.perm(7, None))
print(math.comb(1000, 500) % 10**30, math.perm(500, 250) % 10**30)
print(math.comb(10**30, 3), math.comb(10**30, 10**30 - 2), math.comb(10**20, 0), math.comb(10**20, 10**20 + 1))
print(math.perm(10**25, 3), math.perm(10**25, 0), math.perm(10**25, 1), math.perm(5, 10**30))
for args in [(-1, 2), (3, -1), (-1, -1), (1.0, 2), (3, 2.0), ('a', 1), (2**65, 2**64), (2**64 + 5, 2**64 + 2),
             (2**70, 2**65), (5,), (1, 2, 3)]:
    print('comb', args, show(math.comb, *args), 'perm', show(math.perm, *args))
print(show(math.perm), show(math.perm, -1), show(math.perm, 2**64, 2**64), show(math.perm, 2**64, 2**63))

print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0),
      math.gcd(12, 18, 8), math.gcd(2**200 * 3**50, 2**150 * 5**10 * 3**70), math.gcd(True, 4))
print(math.lcm(), math.lcm(0), math.lcm(-12), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5),
      math.lcm(4, 6, 10), math.lcm(2**100, 3**60) == 2**100 * 3**60, math.lcm(5, 0, 3))
print(show(math.gcd, 1.5), show(math.gcd, 4, 6, 2.5), show(math.gcd, 1, 'x'), show(math.lcm, 0, 1.5),
      show(math.gcd, 4, x=1) if False else '', show(lambda: math.gcd(4, x=1)),
      show(lambda: math.lcm(a=2)))
print(type(math.gcd(True)), type(math.gcd(True, True)), type(math.lcm(True)))

print([math.isqrt(n) for n in range(30)])
for n in [10**50, 10**50 - 1, 2**200, 2**200 - 1, (10**40 + 7)**2, (10**40 + 7)**2 - 1, True]:
    r = math.isqrt(n)
    print(r, r * r <= n < (r + 1) ** 2)
print(show(math.isqrt, -1), show(math.isqrt, 2.0), show(math.isqrt, '4'), show(math.isqrt, -10**40))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(math.factorial(Idx(5)), math.comb(Idx(6), Idx(2)), math.perm(Idx(6), Idx(2)),
      math.gcd(Idx(12), Idx(8)), math.lcm(Idx(3), Idx(4)), math.isqrt(Idx(17)))
print(show(math.factorial, Idx(-3)), show(math.comb, Idx(2), Idx(-1)))
