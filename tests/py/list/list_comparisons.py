pairs = [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2], [1, 2, 0]), ([], [0]), ([2], [1, 9]), ([1, [2]], [1, [3]]), (["a"], ["B"])]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
print([1, 2] == (1, 2), [1] == [1.0], [True] == [1], [[1]] == [[1]])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] < [2, 1], [1, 2] < [1, "a"] if False else "skip")
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
nan = float("nan")
print([nan] == [nan], [float("nan")] == [float("nan")], [nan] < [nan], max([[3], [1, 5], [2]]))
