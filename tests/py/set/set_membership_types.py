s = {1, "1", 2.5, (1, 2), None, frozenset({1}), b"1"}
for probe in [1, 1.0, True, "1", 2.5, (1, 2), (1.0, 2.0), None, frozenset([1]), {1} if False else frozenset({1.0}), b"1", "2.5", 0, False]:
    print(repr(probe), probe in s)
try:
    [1] in s
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} in s
    print("set probe converted to frozenset:", {1} in s)
except TypeError as e:
    print(type(e).__name__, e)
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}), len({"a", b"a"}))
