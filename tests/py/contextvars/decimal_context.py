# decimal (the _pydecimal implementation) keeps its context in a ContextVar:
# getcontext, setcontext, localcontext, and contexts copied with Context.run.
import contextvars
import decimal
from decimal import Decimal, getcontext, localcontext, setcontext, Context

print(Decimal('1.1') + Decimal('2.2'), getcontext().prec)
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
    with localcontext(prec=3):
        print(Decimal(2).sqrt())
    print(Decimal(2).sqrt())
print(Decimal(1) / Decimal(7))

def in_copy():
    getcontext().prec = 4
    return Decimal(1) / Decimal(3)
c = contextvars.copy_context()
print(c.run(in_copy), Decimal(1) / Decimal(3))
print(c.run(lambda: getcontext().prec), getcontext().prec)

setcontext(Context(prec=6, rounding=decimal.ROUND_DOWN))
print(Decimal(2) / Decimal(3), getcontext().rounding)
setcontext(decimal.DefaultContext)
print(Decimal(2) / Decimal(3))
getcontext().traps[decimal.DivisionByZero] = True
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print('DivisionByZero', type(e).__mro__[1].__name__)
print(Decimal('123.456').quantize(Decimal('0.01')), Decimal('1e3').to_integral(), round(Decimal('2.675'), 2))
print(sum(Decimal('0.1') for _ in range(10)) == Decimal('1.0'), float(Decimal('0.5')), int(Decimal('-7.9')))
