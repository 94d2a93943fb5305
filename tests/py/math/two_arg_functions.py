# atan2 copysign fmod pow remainder nextafter ldexp isclose over pairs of
# special and ordinary values (C99 Annex F special cases, CPython's errors).
import math

VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 2.5, -2.5, 1e308,
          -1e308, 5e-324, math.inf, -math.inf, math.nan, 10, -7, 0.1, 1e-320]


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for name in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter']:
    f = getattr(math, name)
    print(name)
    for x in VALUES:
        print('  ', repr(x), ':', ' '.join(show(f, x, y) for y in VALUES))

print('remainder ties', [math.remainder(x, 2.0) for x in (1.0, 3.0, 5.0, -1.0, -3.0, 7.0)])
print('remainder', [math.remainder(x, 0.3) for x in (1.0, 2.0, -5.5, 100.25)])
print('pow', math.pow(2, 0.5), math.pow(10, -400), math.pow(-0.0, 3), math.pow(-2, -1075), math.pow(1.0000001, 1e9))
print('ldexp')
for x in [0.0, -0.0, 1.0, -1.5, math.inf, -math.inf, math.nan, 5e-324, 1e308]:
    print('  ', [show(math.ldexp, x, e) for e in (0, 1, -1, 1023, 1024, -1074, -1075, -1080,
                                                  10**30, -10**30, True)])
print(show(math.ldexp, 1.0, 2.0), show(math.ldexp, 1.0, '2'), show(math.ldexp, 'x', 2))
print('isclose')
for a, b in [(1.0, 1.0 + 1e-10), (1.0, 1.0 + 1e-8), (0.0, 1e-10), (math.inf, math.inf),
             (math.inf, -math.inf), (math.nan, math.nan), (1e308, math.inf), (-0.0, 0.0)]:
    print('  ', a, b, math.isclose(a, b), math.isclose(a, b, rel_tol=1e-7),
          math.isclose(a, b, abs_tol=1e-9), math.isclose(a=a, b=b, rel_tol=0.0, abs_tol=0.0))
print(show(math.isclose, 1, 2, rel_tol=-1), show(math.isclose, 1, 2, abs_tol=-0.5),
      show(math.isclose, 1, 2, 3), show(math.isclose, 1), show(math.isclose, 1, 2, x=1),
      show(math.isclose, 1, 2, rel_tol='a'), show(math.isclose, 1, a=2),
      show(math.isclose), show(math.isclose, b=1))
print('nextafter', math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0),
      math.nextafter(1e308, math.inf), math.nextafter(math.inf, 0.0), math.nextafter(2.0, 2.0))
