print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 1 ** 10 ** 6)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -3)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(-2, 3, 5), pow(2, 3, -5))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -2, 17), pow(-3, -1, 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(pow(12345678901234567890, 98765, 10 ** 20 + 39))
print(pow(5, 0, 1), pow(0, 0, 3), pow(7, 1, 1))
print(4 ** 0.5, 9 ** 0.5, 0.25 ** 0.5)
print(pow(2, 100) == 2 ** 100, 2 ** 2 ** 3)
print(type(2 ** -1).__name__, type(2 ** 2).__name__)
