print(format(1234.5, ","), format(-1234, "_"), format(0.125, ".1%"), format(10, "b"), format(3, "03"), format("x", "^3"))
print(format(2 ** 70, "e"), format(1e-7, "f"), format(255, "#06x"), format(1 + 2j, ".1f"), format(True, "5"), format(None, ""))
print(format(-0.0, "+"), format(0.0, "-"), format(1e16, ",.0f"), format(123.456, "10.2e"), format(0, "+05d"))
class F:
    def __format__(self, spec):
        return "F:" + spec[::-1]
print(format(F(), "abc"), "{0:xyz}|{0}".format(F()), f"{F():{1}{2}}")
