big = range(10 ** 20)
print(len(range(2 ** 62)), big[-1], big[10 ** 19], 10 ** 19 in big, -1 in big, big.index(12345678901234567890))
r = range(-10 ** 30, 10 ** 30, 7 * 10 ** 25)
print(r[0], r[-1], r[1000], r.count(0), 0 in r, (-10 ** 30 + 7 * 10 ** 25) in r, r[5:10:2])
try:
    len(range(2 ** 64))
except OverflowError as e:
    print(type(e).__name__, e)
print(range(2 ** 64)[2 ** 63], range(2 ** 64)[-1], range(0, 2 ** 70, 2 ** 60)[3])
neg = range(10 ** 18, -(10 ** 18), -(10 ** 17))
print(len(neg), list(neg)[:3], neg[-1], list(reversed(neg))[:2], neg.index(0))
s = range(0, 100, 3)[10:30:4]
print(s, list(s), s[::-1], range(10)[::-3], range(10)[-3:-100:-2], range(10)[100:], range(10)[-100:2])
try:
    range(10)[10 ** 20]
except IndexError as e:
    print(type(e).__name__, e)
