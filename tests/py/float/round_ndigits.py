vals = [2.675, 2.665, 0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 1.005, 123.456, -123.456, 1e20, 1.23456789e-5, 0.0, -0.0]
for v in vals:
    print(repr(v), round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(1e300, 2), round(1.5e-300, 300), round(123.456, 400), round(123.456, -400))
for v in [float("inf"), float("nan")]:
    print(round(v, 2))
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(5e-324, 323), round(5e-324, 324))
