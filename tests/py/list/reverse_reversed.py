l = [1, 2, 3, 4]
r = reversed(l)
print(type(r).__name__, next(r), list(r), l)
l.reverse()
print(l, l[::-1], list(reversed(l)) == l[::-1])
print(list(reversed([])), list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
class Custom:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Custom())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(iter([1]))
except TypeError as e:
    print(type(e).__name__, e)
rr = reversed([1, 2, 3])
print(rr.__length_hint__(), next(rr), rr.__length_hint__())
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
