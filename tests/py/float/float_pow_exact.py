for n in range(-5, 11):
    print(n, repr(2.0 ** n), repr((-2.0) ** n), repr(0.5 ** n), repr(10.0 ** n))
print(repr(1.0 ** 1e300), repr((-1.0) ** 1e300), repr((-1.0) ** 3.0), repr(0.0 ** 5), repr((-0.0) ** 5), repr(0.0 ** 0))
for base, exp in [(0.0, -1), (0.0, -1.5), (-0.0, -2)]:
    try:
        print(base ** exp)
    except ZeroDivisionError as e:
        print(base, exp, type(e).__name__, e)
print(type((-8.0) ** (1 / 3)).__name__, type(8.0 ** (1 / 3)).__name__)
print(pow(2.0, 3), pow(2, 3.0), pow(4, 0.5), pow(2, -2), pow(-2, -2))
print(repr(float("inf") ** 2), repr(float("inf") ** -1), repr((-float("inf")) ** 3), repr(float("nan") ** 0))
