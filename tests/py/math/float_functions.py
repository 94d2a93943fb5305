# Every one-argument float function of math over special values and a grid
# of ordinary ones: results (repr) or CPython's exception and message.
import math

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-300, -1e-300, 5e-324, -5e-324,
           2.2250738585072014e-308, 1e308, -1e308, 1.7976931348623157e308,
           math.inf, -math.inf, math.nan, 1e-21, 0.999999, 1.000001, 3.0, -3.0,
           20.5, -20.5, 141.0, 139.9, 171.5, 172.0, -171.5, 200.5, -200.5, 710.0,
           -745.2, 1e16, 0.1, 7, -7, True, 2**60]
GRID = [i / 7.0 for i in range(-40, 41, 3)] + [i * 13.37 for i in range(-8, 9)]

NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh',
         'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log',
         'log10', 'log1p', 'log2', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees',
         'radians', 'frexp', 'modf', 'ulp', 'isfinite', 'isinf', 'isnan', 'ceil',
         'floor', 'trunc']


def show(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for name in NAMES:
    f = getattr(math, name)
    print(name)
    print('  ', ' | '.join(show(f, x) for x in SPECIAL))
    print('  ', ' | '.join(show(f, x) for x in GRID))

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi), math.isnan(math.nan), math.inf > 1e308)
