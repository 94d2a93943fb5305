class A:
    def __init__(self, x, y=0):
        self.x, self.y = x, y
class B:
    pass
class C:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.v = v
        return o
tests = [
    lambda: A(),
    lambda: A(1, 2, 3),
    lambda: A(1, z=2),
    lambda: B(1),
    lambda: B(k=1),
    lambda: object(1),
    lambda: C(),
    lambda: C(1, 2),
    lambda: int(1, 2, 3),
    lambda: list(1, 2),
    lambda: dict(1, 2),
    lambda: str(1, 2, 3, 4),
    lambda: type(1, 2),
    lambda: tuple(x=1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
print(A(1).x, A(1, y=5).y, C(7).v)
print(int(x="12") if False else int("12", base=16))
