print(format(12), format(12, ""), format("x"), format(1.5), format(None), format([1, 2]), format(True))
print(format(3.14159, ".2f"), format(255, "x"), format("s", ">4"), format(1e6, ",.0f"), format(-7, "05d"))
try:
    format(None, "s")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format([1], ">10")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
print(format(object(), "")[:8], type(format(5)).__name__)
class F:
    def __format__(self, spec):
        return f"F[{spec}]"
print(format(F(), "anything"), format(F()), "{:xyz}".format(F()), f"{F():{'a'}{1}}")
try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
