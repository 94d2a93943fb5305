for v in [1.0, 1.5, -2.0, 0.0, 1e300, 0.1, 2.5, -0.75, 1e-300]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.real, v.imag, v.conjugate())
for v in [float("inf"), float("nan")]:
    print(v.is_integer())
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((2.5).__trunc__(), (-2.5).__trunc__(), (2.5).__floor__(), (-2.5).__floor__(), (2.5).__ceil__(), (-2.5).__ceil__())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (7.0).__int__(), (7.9).__int__())
print((1.5).__add__(1), (1.5).__radd__(2), (1.5).__mul__("x"), (1.5).__mod__(1), (-1.5).__mod__(1), (2.0).__rpow__(3))
print((1.5).__eq__(1.5), (1.5).__eq__(3 / 2), (1.5).__lt__(2), (1.5).__gt__("x"))
print(float.__getformat__("double"), (3.0).__getnewargs__())
