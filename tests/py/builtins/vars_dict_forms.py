class Slots:
    __slots__ = ("a",)
class Normal:
    def __init__(self): self.a = 1
import sys
for obj in (Normal(), Normal, sys.modules[__name__]):
    v = vars(obj)
    print(type(obj).__name__, type(v).__name__, "a" in v)
for obj in (Slots(), 5, "s", [1]):
    try:
        vars(obj)
    except TypeError as e:
        print(type(obj).__name__, type(e).__name__, e)
n = Normal()
vars(n)["injected"] = True
print(n.injected, vars(n) is n.__dict__)
print(vars(sys.modules[__name__]) is globals())
