print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(10 ** 30)), abs(float("-inf")))
class A:
    def __abs__(self): return "custom abs"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(all([]), all([1, 2]), all([1, 0]), all("abc"), all([[]]), any([]), any([0, "", None]), any([0, 1]), any(x > 3 for x in range(5)))
def t(v):
    print("checked", v)
    return v
print(all(t(v) for v in [1, 0, 1]), any(t(v) for v in [0, 2, 0]))
try:
    all(5)
except TypeError as e:
    print(type(e).__name__, e)
class Truthy:
    def __bool__(self): raise ValueError("no bool")
try:
    any([Truthy()])
except ValueError as e:
    print(type(e).__name__, e)
