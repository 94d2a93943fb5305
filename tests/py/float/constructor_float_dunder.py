# float(x): an exact str is parsed; otherwise __float__ (a float subclass's
# too, with the DeprecationWarning for a float-subclass result), __index__,
# a float subclass's value, and the buffer protocol (array, memoryview),
# whose own repr the ValueError shows.
import array
import sys
import warnings

warnings.simplefilter("always")
warnings.showwarning = lambda msg, cat, *a: print("warning:", cat.__name__, msg)


class FloatSubclass(float):
    pass


class OtherFloatSubclass(float):
    pass


class Foo2(float):
    def __float__(self):
        return 42.0


class Foo3(float):
    def __new__(cls, value=0.0):
        return float.__new__(cls, 2 * value)

    def __float__(self):
        return self


class Foo4(float):
    def __float__(self):
        return 42


class F:
    def __float__(self):
        return OtherFloatSubclass(42.0)


class FooStr(str):
    def __float__(self):
        return float(str(self)) + 1


class MyIndex:
    def __index__(self):
        return 7


cases = [
    lambda: float(Foo2()),
    lambda: float(Foo3(21)),
    lambda: float(Foo4(42)),
    lambda: type(float(F())),
    lambda: type(FloatSubclass(F())),
    lambda: FloatSubclass(Foo2()),
    lambda: float(FloatSubclass(2.5)),
    lambda: float(FooStr("8")),
    lambda: float(MyIndex()),
    lambda: float(array.array("B", b"12")),
    lambda: float(memoryview(b"12345")[1:3]),
    lambda: float(bytearray(b" 2.5 ")),
    lambda: float(array.array("B", b"1x")),
    lambda: float(b"1x"),
    lambda: float(object()),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
