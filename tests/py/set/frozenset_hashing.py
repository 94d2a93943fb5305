f1 = frozenset([1, 2, 3])
f2 = frozenset([3, 2, 1])
print(f1 == f2, hash(f1) == hash(f2), {f1: "x"}[f2], f1 in {f2}, len({f1, f2}))
nested = frozenset([frozenset([1]), frozenset([1, 2])])
print(len(nested), frozenset([1]) in nested, sorted(sorted(x) for x in nested))
print(hash(frozenset()) == hash(frozenset([])), frozenset() == set(), frozenset("ab") == {"a", "b"})
print(type(f1 | {4}).__name__, type({4} | f1).__name__, type(f1 & f2).__name__, type(f1.copy()).__name__, f1.copy() == f1)
try:
    f1.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
s = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(s))
graph_edges = {frozenset(e) for e in [(1, 2), (2, 1), (2, 3), (3, 2), (1, 3)]}
print(len(graph_edges), sorted(sorted(e) for e in graph_edges))
print({1, 2} in {frozenset({1, 2})}, set() in {frozenset()})
