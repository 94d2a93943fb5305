print(list(), tuple(), dict(), set(), frozenset(), str(), bytes(), bytearray(), int(), float(), complex(), bool())
src = [("a", 1), ("b", 2)]
print(list(src), tuple(src), dict(src), set(src) == {("a", 1), ("b", 2)}, frozenset("aa"), str(src), bytes(3), bytearray([1]))
print(list({"x": 1}), tuple("ab"), dict(zip("ab", "cd")), sorted(set("hello")), int("12"), float("1.5"), complex(1, 2))
print(list(range(3)) == [0, 1, 2], tuple(list((1, 2))) == (1, 2), dict(dict(a=1)) == {"a": 1})
for cls in (list, tuple, set, frozenset):
    try:
        cls(5)
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)
try:
    dict(5)
except TypeError as e:
    print(type(e).__name__, e)
print(type(list.__new__(list)).__name__, list.__new__(list), int.__new__(int, 7))
