for v in [0, 1, -1, -2, 123456789, 2 ** 61 - 1, 2 ** 61, -(2 ** 61) - 5, 10 ** 40, 0.0, -0.0, 0.5, 1.5, -1.5, 1e20, 1e-20, float("inf"), -float("inf"), True, False, None.__class__.__name__ == "NoneType"]:
    print(repr(v), hash(v))
print(hash((1, 2, 3)), hash((1, (2, 3))), hash(()), hash((None,)) == hash((None,)), hash(frozenset()) if False else "skip")
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 100) == hash(float(2 ** 100)), hash(0.1) == hash(0.1))
class H:
    def __hash__(self): return -1
print(hash(H()))
class Big:
    def __hash__(self): return 2 ** 64 + 3
print(hash(Big()))
class Neg:
    def __hash__(self): return -(2 ** 70)
print(hash(Neg()))
class BoolHash:
    def __hash__(self): return True
print(hash(BoolHash()))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class FloatHash:
    def __hash__(self): return 1.5
try:
    hash(FloatHash())
except TypeError as e:
    print(type(e).__name__, e)
