# What math accepts as a number (float, int of any size, bool, __float__,
# __index__, subclasses), the ceil/floor/trunc protocols, and CPython's
# argument errors.
import math


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        return '%s %r' % (type(r).__name__, r)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


class F:
    def __float__(self):
        return 2.25


class I:
    def __index__(self):
        return 9


class Both:
    def __float__(self):
        return 0.5

    def __index__(self):
        return 7


class BadFloat:
    def __float__(self):
        return 'x'


class Raiser:
    def __float__(self):
        raise KeyError('inner')


class MyFloat(float):
    pass


class MyInt(int):
    def __float__(self):
        return 100.0


class Ceil:
    def __ceil__(self):
        return 'ceil!'

    def __floor__(self):
        return 'floor!'

    def __trunc__(self):
        return 'trunc!'

    def __float__(self):
        return 1.5


class FloatWithCeil(float):
    def __ceil__(self):
        return 'sub-ceil'


for arg in [2, 2.0, True, False, 10**20, 10**400, -10**400, F(), I(), Both(), BadFloat(), Raiser(),
            MyFloat(6.25), MyInt(4), '4', None, [1], 1j]:
    print(type(arg).__name__, show(math.sqrt, arg), show(math.floor, arg), show(math.isnan, arg),
          show(math.frexp, arg), show(math.degrees, arg))
for arg in [Ceil(), FloatWithCeil(2.5), MyFloat(2.5), 2.5, -2.5, 7, True, MyInt(3), 1e300, math.inf,
            -math.inf, math.nan, F(), I(), 'a']:
    print(type(arg).__name__, show(math.ceil, arg), show(math.floor, arg), show(math.trunc, arg))
print(show(math.exp, 10**400), show(math.log, 10**400), show(math.atan2, 1, 10**400), show(math.hypot, F(), I()))
print(show(math.pow, 2, F()), show(math.fmod, I(), 4), show(math.copysign, 3, MyFloat(-0.0)), show(math.isclose, F(), 2.25))

# argument counts and keywords
calls = [
    lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.sqrt(x=1), lambda: math.floor(),
    lambda: math.atan2(1), lambda: math.atan2(1, 2, 3), lambda: math.atan2(y=1, x=2),
    lambda: math.fmod(1), lambda: math.pow(1, 2, 3), lambda: math.copysign(1),
    lambda: math.remainder(1), lambda: math.nextafter(1), lambda: math.ldexp(1),
    lambda: math.log(), lambda: math.log(1, 2, 3), lambda: math.log(1, base=2), lambda: math.log(x=1),
    lambda: math.comb(1), lambda: math.perm(), lambda: math.perm(1, 2, 3), lambda: math.dist(),
    lambda: math.gcd(a=1), lambda: math.lcm(1, b=2), lambda: math.hypot(x=1), lambda: math.factorial(),
    lambda: math.fsum(), lambda: math.isqrt(1, 2), lambda: math.trunc(), lambda: math.ulp(),
    lambda: math.isinf(), lambda: math.frexp(1, 2), lambda: math.modf(), lambda: math.gamma(x=1),
]
for c in calls:
    print(show(c))

# domain and range errors
for expr in ['math.sqrt(-1)', 'math.log(0)', 'math.log(-1.5)', 'math.log(0, 2)', 'math.log(2, 1)',
             'math.log(2, 0)', 'math.log(8, 2)', 'math.log(100, 10)', 'math.log(10**300, 10**299)',
             'math.log2(0)', 'math.log10(-10**500)', 'math.log1p(-1)', 'math.exp(1000)',
             'math.exp(-1000)', 'math.cosh(1000)', 'math.atanh(1)', 'math.acos(2)', 'math.gamma(0)',
             'math.gamma(-1)', 'math.gamma(-0.0)', 'math.gamma(180)', 'math.gamma(-180.5)',
             'math.lgamma(0)', 'math.lgamma(-2)', 'math.lgamma(-math.inf)', 'math.gamma(-math.inf)',
             'math.pow(0, -1)', 'math.pow(-0.0, -1)', 'math.pow(-2, 0.5)', 'math.pow(10, 400)',
             'math.pow(math.nan, 0)', 'math.pow(1, math.nan)', 'math.pow(-math.inf, 3)',
             'math.pow(-math.inf, -3)', 'math.pow(-1, math.inf)', 'math.pow(0.5, -math.inf)',
             'math.fmod(1, 0)', 'math.fmod(math.inf, 1)', 'math.fmod(1, math.inf)', 'math.fmod(-1, math.inf)',
             'math.remainder(1, 0)', 'math.remainder(math.inf, 2)', 'math.remainder(3, math.inf)',
             'math.ceil(math.inf)', 'math.floor(math.nan)', 'math.trunc(-math.inf)', 'math.tan(math.inf)',
             'math.sin(-math.inf)', 'math.expm1(1000)', 'math.sinh(-1000)', 'math.exp2(1024)',
             'math.ldexp(1.0, 1024)', 'math.ldexp(-1.0, 10**20)', 'math.ldexp(1.0, -10**20)']:
    print(expr, '->', show(eval, expr))
print(math.ceil(True), type(math.ceil(True)), math.floor(False), type(math.trunc(True)), math.trunc(MyInt(5)))
print(math.sqrt.__name__, math.floor.__module__ if hasattr(math.floor, '__module__') else '', repr(math.gcd))
