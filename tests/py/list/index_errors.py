l = [10, 20, 30]
for i in [0, -1, -3, 2]:
    print(i, l[i])
for i in [3, -4, 10 ** 20, -(10 ** 20)]:
    try:
        l[i]
    except IndexError as e:
        print(i, type(e).__name__, e)
    try:
        l[i] = 0
    except IndexError as e:
        print(i, type(e).__name__, e)
    try:
        del l[i]
    except IndexError as e:
        print(i, type(e).__name__, e)
print(l[10 ** 20:], l[-(10 ** 20):1], l[1:10 ** 30:2])
for bad in ["0", 1.0, None, (1,), [0]]:
    try:
        l[bad]
    except TypeError as e:
        print(repr(bad), type(e).__name__, e)
print([].pop.__name__, l.pop(-1), l)
try:
    [][0]
except IndexError as e:
    print(type(e).__name__, e)
