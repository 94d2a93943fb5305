import sys
big = 10 ** 4299
s = str(big)
print(len(s), s[:5], s[-5:])
huge = 10 ** 4300
try:
    str(huge)
except ValueError as e:
    print(type(e).__name__, e)
try:
    repr(huge)
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{huge}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 4300) % 1000)
print(len(hex(huge)), hex(huge)[:12])
print(len(bin(2 ** 20000)))
print(int("f" * 5000, 16).bit_length())
print(sys.maxsize == 2 ** 63 - 1)
