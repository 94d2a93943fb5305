for a in (7, -7):
    for b in (2, -2, 3, -3):
        print(f"{a:>3} {b:>3} // {a // b:>3}  % {a % b:>3}  divmod {divmod(a, b)}  / {a / b}")
print(0 // 5, 0 % -5, -0 // 3)
print(10 ** 30 // -7, 10 ** 30 % -7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(7 // 7, -7 // 7, 1 // -1, -1 // 1)
print(5 / 2, -5 / 2, 1 / 3, 10 ** 20 / 10 ** 10, 2 ** 60 / 3)
print(True // 2, True % 2, 7 // True)
print((2 ** 100) / (2 ** 99), (10 ** 400) // (10 ** 399), (10 ** 400 + 5) % 10)
print(1 / (10 ** 300), (10 ** 310) / (10 ** 300))
for a, b in [(1, 0), (0, 0), (-1, 0)]:
    try:
        a // b
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    5 / 0
except ZeroDivisionError as e:
    print(e)
