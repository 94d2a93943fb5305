nan = float("nan")
l = [1, nan, 2]
print(nan in l, float("nan") in l, l.count(nan), l.count(float("nan")), l.index(nan))
print(l == l, l == [1, nan, 2], l == [1, float("nan"), 2], [nan] != [nan])
try:
    l.index(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
l.remove(nan)
print(l)
print(sorted([3, nan, 1]), max([nan, 1]), max([1, nan]), min([nan, 1]))
t = (nan,)
print(t == t, (nan,) == (nan,), t == (float("nan"),), {nan: 1}.get(nan), {nan: 1}.get(float("nan")))
print(len({nan, nan}), len({float("nan"), float("nan")}))
