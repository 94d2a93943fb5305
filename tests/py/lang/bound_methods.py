class A:
    def m(self, x):
        return (type(self).__name__, x)
    def __repr__(self):
        return "A()"
a = A()
bm = a.m
print(bm(1), bm.__self__, bm.__func__ is A.m, bm.__name__)
print(A.m(a, 2))
print(a.m == a.m, a.m is a.m)
b = A()
print(a.m == b.m)
f = a.m
a.m = lambda x: "instance attr"
print(a.m(3), f(3))
del a.m
print(a.m(4))
class B:
    def __init__(self):
        self.calls = []
    def add(self, v):
        self.calls.append(v)
        return self
x = B()
x.add(1).add(2).add(3)
print(x.calls)
meths = [x.add, len, str.upper]
print(meths[2]("abc"), meths[1]([1]))
print(type(bm).__name__, type(A.m).__name__)
print(repr(A.m)[:16])
print(str.upper.__qualname__, "abc".upper.__name__)
