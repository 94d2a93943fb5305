print(1 << 0, 1 << 1, 1 << 64, 1 << 200, 5 << 3)
print(1024 >> 3, 1024 >> 20, (2 ** 100) >> 90, 7 >> 1)
print(-1 >> 1, -1 >> 100, -8 >> 1, -9 >> 1, -(2 ** 100) >> 98, -7 >> 1)
print(-1 << 10, -3 << 70)
print(0 << 1000, 0 >> 5)
print((1 << 1000) >> 999, (123456789 << 500) >> 500)
for bad in (-1, -100):
    try:
        1 << bad
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        1 >> bad
    except ValueError as e:
        print(type(e).__name__, e)
print(1 >> (2 ** 100), -1 >> (2 ** 100))
try:
    1 << (2 ** 100)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
try:
    1 << 1.0
except TypeError as e:
    print(type(e).__name__, e)
x = 1
x <<= 10
x >>= 3
print(x)
