for pos in [-100, -3, -2, -1, 0, 1, 2, 3, 100]:
    l = ["a", "b", "c"]
    l.insert(pos, "X")
    print(pos, l)
l = []
for i in range(5):
    l.insert(0, i)
print(l)
l = []
for i in range(5):
    l.insert(len(l) // 2, i)
print(l)
l = list(range(10))
print([l.pop(i) for i in (0, -1, 3, 3)], l)
try:
    l.insert("0", 1)
except TypeError as e:
    print(type(e).__name__, e)
l.insert(2 ** 70, "huge") if False else None
try:
    l.insert(2 ** 70, "huge")
except OverflowError as e:
    print(type(e).__name__, e)
