print("before class")
class A:
    print("in class body")
    x = 1
    y = x + 1
    def m(self):
        return self.x
    z = [x, y]
    for i in range(3):
        z.append(i)
    del i
    if x:
        cond = "yes"
    print(sorted(k for k in locals() if not k.startswith("__")))
print("after class")
print(A.x, A.y, A.z, A.cond, A().m())
print(A.__name__, A.__qualname__, A.__module__)
class Outer:
    class Inner:
        def f(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.f.__qualname__)
def fn():
    class Local:
        pass
    return Local
print(fn().__qualname__)
class D:
    "docstring of D"
print(D.__doc__)
class E:
    pass
print(E.__doc__)
class F(A):
    x = 10
print(F().m(), F.y, issubclass(F, A))
print(type(A.__dict__).__name__, 'x' in A.__dict__, 'x' in F.__dict__)
