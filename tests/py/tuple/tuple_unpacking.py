def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([5, 3, 9])
print(lo, hi)
(a, b), (c, d) = (1, 2), (3, 4)
print(a, b, c, d)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
head, *tail = (1,)
print(head, tail)
*init, last = "abc"
print(init, last)
first, (second, *rest), *others = 1, (2, 3, 4), 5, 6
print(first, second, rest, others)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as e:
    print(type(e).__name__, e)
t = 1, 2
t2 = (*t, *t)
print(t2, (*"ab", *range(2)), tuple([*t]))
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
