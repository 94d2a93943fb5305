s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), repr(slice("a", [1])))
for sl in [slice(None), slice(2, None), slice(None, -2), slice(-3, None, -1), slice(None, None, -2), slice(1, 100, 3), slice(-100, 100), slice(5, 2), slice(None, None, 7)]:
    print(sl, sl.indices(10), list(range(10))[sl], sl.indices(0), sl.indices(3))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, None) == slice(1, 2))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice("a", 2).indices(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(slice(1, 2))
    print("slices hashable in 3.11?")
except TypeError as e:
    print(type(e).__name__, e)
print(slice(1, 2) < slice(1, 3), slice(None, None, -1).indices(2 ** 70))
