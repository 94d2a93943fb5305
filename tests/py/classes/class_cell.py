class A:
    def which(self):
        return __class__.__name__
    def sup(self):
        return super().__repr__ is not None
class B(A):
    def which2(self):
        return __class__.__name__
b = B()
print(b.which(), b.which2(), b.sup())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("__classcell__" in ns)
        return super().__new__(mcls, name, bases, ns)
class WithCell(metaclass=Meta):
    def f(self):
        return __class__
class WithoutCell(metaclass=Meta):
    def f(self):
        return 1
print(WithCell().f() is WithCell)
def factory():
    class Inner:
        def get(self):
            return __class__
    return Inner
I = factory()
print(I().get() is I, I.__name__)
