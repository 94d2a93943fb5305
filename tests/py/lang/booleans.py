print(True, False, type(True).__name__, isinstance(True, int))
print(True + 1, True * 10, False ** 0, True / 2, -True, ~True)
print(True == 1, False == 0, True is not False)
print(bool(), bool(0), bool(1), bool("x"), bool([]), bool([[]]))
print(str(True), repr(False), f"{True}", f"{True:d}", f"{False:>6}", "%d" % True)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True & 2).__name__)
print(int(True), float(False), complex(True))
print(sum([True, True, False, True]), max(False, True))
print(hash(True) == hash(1), {True: 'a', 1: 'b'})
print(True.real, True.imag, True.numerator, True.denominator)
print([0, 1][True], "ab"[False])
try:
    class MyBool(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__mro__)
print(True and 3, 0 and True, None or False)
