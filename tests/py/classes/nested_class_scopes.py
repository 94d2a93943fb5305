class Outer:
    x = "outer x"
    class Inner:
        try:
            y = x
        except NameError as e:
            y = "NameError: " + str(e)
        def get(self):
            return Outer.x
    z = Inner.y
print(Outer.Inner.y)
print(Outer.Inner().get(), Outer.z)
x = "global x"
class A:
    x = "A.x"
    def m(self):
        return x
    lam = lambda self: x
    gen = [x for _ in range(1)]
print(A().m(), A().lam(), A.gen)
class B:
    v = 1
    v = v + 1
    w = [v]
    del v
print(B.w, hasattr(B, "v"))
