print(1 + 1j == 1 + 1j, 1 + 0j == True, 0j == False, 0j == 0.0, 1j == 1j + 0)
vals = [1, 1.0, 1 + 0j, True]
print(len(set(vals)), {1: "a", 1 + 0j: "b"})
print(2 ** 0.5j if False else "skip", (1 + 1j) + 1.5, 3 - (1 + 1j), 2 / (1 + 1j), (1 + 1j) / 2.0)
print(sum([1j, 2j, 3]), sum([0.5, 1j]), [1j] * 2)
print(abs(-3j), abs(3 + 4j), abs(0j), abs(complex(float("inf"), 1)), abs(complex(float("nan"), float("inf"))))
print((1 + 2j).real.is_integer(), complex(2, 3).imag.as_integer_ratio())
print((1 + 2j) == (1 + 2j) * 1, 1j * 1j == -1, 1j ** 2 == -1)
