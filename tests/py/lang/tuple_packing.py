t = 1, 2, 3
print(t, type(t).__name__)
single = 1,
print(single, len(single))
empty = ()
print(empty, len(empty))
a, b, c = t
print(a + b + c)
def multi():
    return 1, "two", [3]
x, y, z = multi()
print(x, y, z)
print(multi())
nested = 1, (2, 3), [4, (5,)]
print(nested)
(one, (two, three), [four, (five,)]) = nested
print(one, two, three, four, five)
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
i, j = 0, 1
l = [10, 20]
l[i], l[j] = l[j], l[i]
print(l)
print((1, 2) + (3,), (0,) * 3, 2 in (1, 2))
