# types.MethodType(function, instance) and types.CellType([contents]) made
# by calling the types, with CPython's argument checks.
MethodType = type((lambda: 0).__get__(1))
CellType = type((lambda x: (lambda: x))(0).__closure__[0])

class A:
    def __repr__(self):
        return "A()"

def f(self, x=0):
    return (self, x)

m = MethodType(f, A())
print(m(1), m.__func__ is f, m.__self__, type(m).__name__)
print(MethodType(len, [1, 2])())
print(MethodType(m, 7)(), MethodType(A, 3).__self__)
for args, kw in [((f,), {}), ((), {}), ((f, 1, 2), {}), ((1, 2), {}), ((f, None), {}),
                 ((f, 1), {"x": 2}), ((), {"function": f, "instance": 1})]:
    try:
        MethodType(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
bm = MethodType(f, 1)
print(bm == MethodType(f, 1), bm == MethodType(f, 2))

c = CellType()
try:
    c.cell_contents
except ValueError as e:
    print("ValueError", e)
c.cell_contents = 5
print(c.cell_contents, CellType(3).cell_contents, CellType(None).cell_contents)
print(CellType(1) == CellType(1), CellType() < CellType(0))
for args, kw in [((1, 2), {}), ((), {"contents": 1})]:
    try:
        CellType(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
