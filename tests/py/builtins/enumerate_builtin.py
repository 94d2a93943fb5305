for i, c in enumerate("abc"):
    print(i, c, end="; ")
print()
print(list(enumerate([], 3)), list(enumerate("xy", start=100)), list(enumerate(range(3), -3)), dict(enumerate("ab")))
e = enumerate(iter([10, 20]))
print(next(e), list(e))
class Big:
    def __index__(self): return 5
try:
    list(enumerate("ab", Big()))
except TypeError as err:
    print(type(err).__name__, err)
try:
    enumerate("ab", 1.5)
except TypeError as err:
    print(type(err).__name__, err)
print(list(enumerate("ab", True)), list(enumerate("ab", 2 ** 64)))
