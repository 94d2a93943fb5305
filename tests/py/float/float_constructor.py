class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class Both:
    def __float__(self): return 1.5
    def __index__(self): return 9
print(float(F()), float(I()), float(Both()))
class MyFloat(float):
    pass
m = MyFloat(3.25)
print(m, type(m).__name__, float(m), type(float(m)).__name__, type(m + 1).__name__, m == 3.25)
print(float("1e5"), float(10 ** 15), float(-(2 ** 53) - 1))
print(float.fromhex("0x1.8p0"), MyFloat.fromhex("0x1p1"), type(MyFloat.fromhex("0x1p1")).__name__)
try:
    float("1.0", 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(x="1.0")
except TypeError as e:
    print(type(e).__name__, e)
print(float(" 1_0.5 "), float("+0.0"), float("-0.0"))
