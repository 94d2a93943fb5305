a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, range(4))), sorted(a.difference([1], (2,))), sorted(a.symmetric_difference([1, 7])))
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > b, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}), a.isdisjoint(b))
print(a == {4, 3, 2, 1}, a != b, {1, 2} == frozenset({1, 2}), len(a), 3 in a, 9 not in a)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < [1]
except TypeError as e:
    print(type(e).__name__, e)
print(set(), {1}, {3, 1, 2} if False else sorted({3, 1, 2}), set("aab") == {"a", "b"}, len(set(range(100))))
print(repr(set()), repr(frozenset()), repr({1, 2, 3}), repr(frozenset({0, 1})))
