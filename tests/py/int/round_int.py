for n in [12345, -12345, 15, 25, 35, -15, -25, 150, 250, 5, -5, 0]:
    print(n, round(n), round(n, 1), round(n, -1), round(n, -2), round(n, -5))
print(round(10 ** 20 + 5, -1), round(10 ** 20 + 15, -1), round(2 ** 70, -10))
print(type(round(5)).__name__, type(round(5, -1)).__name__, type(round(5, 2)).__name__)
print(round(1234567890123456789, -9), round(-1234567890123456789, -9))
print(round(True), round(True, -1), type(round(True)).__name__)
