print({1, 2, 3}, {0}, {5, 4, 3, 2, 1}, frozenset({6, 7}), {0, 7})
print(set(range(5)), {x * 2 for x in range(4)}, {1, 2} | {3})
print(str({1, 2}), f"{ {3, 4} }", "%s" % ({5, 6},), repr(frozenset()), repr(set()))
