print([0] * 5, [1, 2] * 3, 3 * ["x"], [] * 100, [1] * 0, [1] * -3, [None] * 2)
l = [[]] * 3
l[0].append("shared")
print(l)
l = [1, 2]
alias = l
l *= 2
print(l, alias is l)
l *= 0
print(l, alias)
try:
    [1] * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * "2"
except TypeError as e:
    print(type(e).__name__, e)
class Idx:
    def __index__(self): return 3
print([7] * Idx(), Idx() * ["a"])
for n in [2 ** 62, 2 ** 63, 10 ** 12]:
    try:
        x = [1] * n
        print("allocated?", len(x))
    except (MemoryError, OverflowError) as e:
        print(n, type(e).__name__, e)
try:
    [1, 2] * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
