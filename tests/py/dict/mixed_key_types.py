d = {}
keys = [3, "3", 3.5, (3,), None, True, b"3", frozenset({3}), 3 + 0j, -1, "", ()]
for i, k in enumerate(keys):
    d[k] = i
print(d, len(d))
print([type(k).__name__ for k in d])
print(d[3], d[3.0], d[1], d[True], d[(3,)], d[()])
print(sorted((repr(k) for k in d)))
try:
    sorted(d)
except TypeError as e:
    print(type(e).__name__, e)
