for n in [0, 1, -1, -2, 2, 42, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 61 + 5, -(2 ** 61), 2 ** 64, 10 ** 30, -(10 ** 30)]:
    print(n, hash(n))
print(hash(True), hash(False), hash(1.0), hash(-1.0), hash(0.5), hash(2.5), hash(-0.0), hash(1e100) == hash(int(1e100)))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, 2)), hash(()), hash((1,)), hash((-1, 0)))
print(hash(float("inf")), hash(float("-inf")))
print(hash(None) == hash(None), hash(3 + 0j) == hash(3), hash(1j))
