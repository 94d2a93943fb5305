print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(10 ** 20, 7))
print(divmod(True, 2), divmod(0, 3))
class D:
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
print(divmod(D(), 1), divmod(1, D()))
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), pow(2.0, 3), pow(-8, 1 / 3).__class__.__name__, pow(3, 4, 5), pow(base=2, exp=5), pow(2, 5, mod=3))
print(pow(7, -1, 13), pow(0, 0), pow(1, 10 ** 10))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(0.5), round(-0.5), round(1e300), round(7))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, round(5, 0), type(round(5, 0)).__name__)
class R:
    def __round__(self, n=None): return f"round({n})"
print(round(R()), round(R(), 3))
for bad in (lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: pow(2, 3, 0), lambda: round("x"), lambda: pow("a", 2)):
    try:
        bad()
    except (ZeroDivisionError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
