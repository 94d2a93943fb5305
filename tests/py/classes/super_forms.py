class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return f"A.c({cls.__name__})"
    def __repr__(self): return "A-instance"
class B(A):
    def f(self): return "B.f>" + super().f()
    @classmethod
    def c(cls): return "B.c>" + super().c()
class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
    def g(self):
        return super(C, self).f()
c = C()
print(c.f(), c.g(), C.c(), B.c())
print(super(C, c).f(), super(B, C).c())
s = super(C, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
def outside(self):
    return super().f()
try:
    outside(c)
except RuntimeError as e:
    print(type(e).__name__, e)
class D(A):
    def f(self):
        g = lambda: super(D, self).f()
        return "lambda:" + g()
print(D().f())
class E(A):
    def f(self):
        return [super().f() for _ in range(2)]
try:
    print(E().f())
except Exception as e:
    print(type(e).__name__, e)
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)
class F(A):
    def f(self):
        del self
        try:
            return super().f()
        except RuntimeError as e:
            return str(e)
print(F().f())
print(super(B, B()).__repr__())
