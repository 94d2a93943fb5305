for n in [0, 1, -1, 2, 7, 8, -8, 255, 256, 2 ** 64 - 1, -(2 ** 64), 10 ** 30]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.is_integer() if hasattr(n, "is_integer") else "-")
print((5).numerator, (5).denominator, (5).real, (5).imag, (5).conjugate())
print(True.bit_length(), True.bit_count(), True.as_integer_ratio())
print(int.bit_length(2 ** 1000), (2 ** 1000 - 1).bit_count())
print((12).__index__(), (12).__int__(), (12).__float__(), (-12).__abs__())
