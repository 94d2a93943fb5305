d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(k & {"a", "z"}, k | {"z"} == {"a", "b", "c", "d", "z"}, k - {"a"} == {"b", "c", "d"}, k ^ {"a", "q"} == {"b", "c", "d", "q"})
print(it & {("a", 1), ("a", 2)}, sorted(it - {("a", 1)}), k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, k.isdisjoint({"x"}))
print(v == v, list(v) == [1, 2, 3, 4], type(k).__name__, type(v).__name__, type(it).__name__)
print(sorted(k), max(v), sum(v), list(zip(k, v)), list(map(len, k)))
print(k.mapping, type(k.mapping).__name__)
try:
    v & {1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {"a": []}.items() & {("a", 1)}
except TypeError as e:
    print(type(e).__name__, e)
print(reversed(k).__class__.__name__, list(reversed(it)))
