z = 3 + 4j
print(z, repr(z), z.real, z.imag, z.conjugate(), abs(z), type(z).__name__)
print(1j, -1j, 0j, -0j, 1j * 1j, (1 + 1j) ** 2, complex(1, -0.0), complex(-0.0, 0.0), 1e300j * 10)
print(complex(), complex(2), complex(2.5, -1), complex("1+2j"), complex(" 3-4J "), complex("j"), complex("-1.5e3j"), complex("inf+nanj"))
print((1 + 2j) + (3 - 1j), (1 + 2j) - 3, 2 * (1 + 2j), (1 + 2j) * (3 - 1j), (1 + 2j) / (3 - 4j), (4 + 2j) / 2)
print(z == 3 + 4j, z == complex(3, 4), (2 + 0j) == 2, (2 + 0j) == 2.0, 1j != 1)
print(hash(2 + 0j) == hash(2), bool(0j), bool(1e-300j), -z, +z)
print(str(1 + 0j), str(0 + 1j), str(-0.0 - 1j), repr(complex(0.0, -0.0)), repr(complex(-0.0, -0.0)))
print(complex(1, 2).__repr__(), (1.5 + 2.25j).__str__(), repr(1e20 + 1e-20j), repr(complex(float("nan"), float("inf"))))
