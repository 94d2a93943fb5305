for obj in [[1], (1,), "a", "é", b"a", bytearray(b"a"), {1: 2}, {1: 2}.keys(), {1: 2}.values(), {1: 2}.items(), {1}, frozenset({1}), range(1), range(2 ** 70)]:
    it = iter(obj)
    print(type(obj).__name__, type(it).__name__, iter(it) is it, next(it))
print(type(reversed([1])).__name__, type(reversed((1,))).__name__, type(reversed("a")).__name__, type(reversed(range(2))).__name__, type(reversed({1: 2})).__name__)
print(type(iter(lambda: 0, 1)).__name__, type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__)
print(type(x for x in []).__name__, type(iter(memoryview(b"a"))).__name__ if False else "skip")
