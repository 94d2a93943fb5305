# PyFloat_AsDouble's rules, one implementation for math and float: an int
# subclass's __float__ is used, bool and exact ints convert directly.
import math
class I(int):
    def __float__(self): return 9.0
print(math.sqrt(I(4)), float(I(4)), math.floor(I(4)), '%.1f' % I(4), round(I(4)), complex(I(4)), 2.0 + I(4), math.isclose(I(4), 9.0))
print(math.sqrt(True), float(True), math.log(I(4)))
