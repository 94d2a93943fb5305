# What the C module _decimal does differently from _pydecimal.py's classes:
# module attributes, context reprs and attribute checks, argument checks,
# the messages of common errors, positional-only parameters.
import _decimal
import decimal
from decimal import Context, Decimal, localcontext

print(decimal.Decimal is _decimal.Decimal, decimal.Context is _decimal.Context)
print(_decimal.__version__, _decimal.__libmpdec_version__, _decimal.__doc__)
print(_decimal.MAX_PREC, _decimal.MAX_EMAX, _decimal.MIN_EMIN, _decimal.MIN_ETINY)
print(sorted(n for n in dir(_decimal) if not n.startswith("__")))
print(Decimal.__module__, Context.__module__, Decimal.__qualname__, Context.__qualname__)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(repr(Context()))
c = Context(prec=425000000, Emin=-425000000, Emax=425000000, rounding=decimal.ROUND_HALF_DOWN,
            capitals=0, clamp=1)
for s in (decimal.Underflow, decimal.Clamped, decimal.Inexact, decimal.FloatOperation,
          decimal.InvalidOperation, decimal.Rounded):
    c.flags[s] = 1
    c.traps[s] = 1
print(repr(c))
print(repr(c.copy()) == repr(c), repr(c.__copy__()) == repr(c))
print(Context.__reduce__(Context(flags=[decimal.Inexact]))[1])

for name, value in (("prec", "x"), ("prec", 0), ("prec", 10 ** 18), ("prec", 2 ** 70), ("prec", True),
                    ("Emin", 1), ("Emin", -10 ** 18), ("Emax", -1), ("Emax", 10 ** 18),
                    ("capitals", 2), ("capitals", "x"), ("clamp", 2), ("clamp", 1.0),
                    ("rounding", 1), ("rounding", "x"), ("flags", 1), ("traps", None),
                    ("flags", [decimal.Inexact]), ("traps", {}), ("flags", {decimal.Inexact: 1}),
                    ("foo", 1)):
    def set_it():
        ctx = Context()
        setattr(ctx, name, value)
        return getattr(ctx, name)
    print(name, end=" ")
    attempt(set_it)


def delete_prec():
    del Context().prec


attempt(delete_prec)
for kwargs in (dict(prec=0), dict(flags=[decimal.Inexact]), dict(flags={decimal.Inexact: 1}),
               dict(traps=(decimal.Inexact,)), dict(traps="x"), dict(capitals=2), dict(flags=[1]),
               dict(rounding=3)):
    attempt(lambda: Context(**kwargs))

# Argument checks and messages.
attempt(lambda: Decimal(9, "xyz"))
attempt(lambda: Decimal(None))
attempt(lambda: Decimal(b"1"))
attempt(lambda: Decimal([0, (1,), 2]))
attempt(lambda: Decimal(object()).__class__)
attempt(lambda: Decimal("x"))
attempt(lambda: Decimal(1) + "x")
attempt(lambda: Context().add(1, "x"))
attempt(lambda: Context().multiply("x", 1))
attempt(lambda: Decimal(1).quantize(1, "x"))
attempt(lambda: Decimal(1).quantize(Decimal(1), None, "x"))
attempt(lambda: Decimal(1).quantize(Decimal(1), None, Context()))
attempt(lambda: Decimal(1).to_integral(10))
attempt(lambda: Decimal(1).to_integral_value("10"))
attempt(lambda: Decimal(1).to_integral_exact(decimal.ROUND_UP, "x"))
attempt(lambda: Decimal("1.5").to_integral_exact(decimal.ROUND_UP))

# Trapped signals: the exception's argument is the list of conditions.
with localcontext() as ctx:
    attempt(lambda: Decimal(1) / 0)
    attempt(lambda: Decimal(0) / 0)
    attempt(lambda: Decimal("sNaN") + 1)
    ctx.traps[decimal.Inexact] = True
    attempt(lambda: Decimal(1) / 3)

# Positional-only parameters, as the C methods' (Pyrite's messages for
# keywords given to positional-only parameters differ from C functions').
attempt(lambda: Context().power(a=2, b=3))
attempt(lambda: Decimal(2).compare(other=3))


# The types are immutable, and messages name them decimal.X.
def set_on_type():
    Decimal.foo = 1


attempt(set_on_type)
attempt(lambda: Decimal(1) < "x")
attempt(lambda: -Context())
