s = {1, 2, 3}
f = frozenset({1, 2, 3})
print(s == f, f == s, s <= f, f < s, s | f == f | s, type(s | f).__name__, type(f | s).__name__, type(f - s).__name__)
print({1, 2} == {1.0, 2.0}, {True} == {1}, {1, 2} != {1}, {()} == {tuple()}, {0} == {-0.0, False})
print(sorted([{2}, {1, 2}, {1}], key=len), {1} < {1, 2} < {1, 2, 3}, {1, 2} < {3, 4}, {1, 2} > {3})
print(s.union() == s, s.union() is s, s.intersection() == s, set().issubset(set()), set() < {1})
a = {1, 2}
print(a == a.copy(), a.copy() is a, list(zip(sorted(a), "xy")))
