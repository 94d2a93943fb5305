print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [5, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(str.upper, "abc")), list(map(int, ["1", "2"])), list(map(len, [[], [1], "ab"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 2, range(6))))
m = map(lambda x: x * 10, [1, 2, 3])
print(type(m).__name__, next(m), list(m), list(m))
f = filter(lambda x: x % 2, range(10))
print(type(f).__name__, next(f), list(f))
print(list(map(lambda x, y: (x, y), [1, 2, 3], "ab")))
try:
    list(map(lambda x: 1 / x, [1, 0]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    filter(None, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(sum(map(int, "12345")), max(map(len, "a bb ccc".split())), sorted(filter(None, {0, 3, 1})))
