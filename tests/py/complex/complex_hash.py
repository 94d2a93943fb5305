for z in [0j, 1 + 0j, 1j, -1j, 2 + 3j, 1.5 - 2.5j, complex(1e100, 1), complex(-1, 0)]:
    print(repr(z), hash(z))
print(hash(complex(2, 0)) == hash(2), hash(complex(0.5, 0)) == hash(0.5), hash(-1 + 0j))
print(hash(complex(float("inf"), 0)), hash(complex(0, float("inf"))))
