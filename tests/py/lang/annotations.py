x: int = 5
y: "str"
print(__annotations__)
def f(a: int, b: "B" = 2, *args: str, c: list = None, **kw: dict) -> float:
    return 1.0
print(f.__annotations__)
class C:
    a: int
    b: str = "s"
    c: "list[int]" = []
print(C.__annotations__)
print(hasattr(C, "a"), C.b)
def g():
    z: int = 3
    w: int
    return z
print(g(), g.__annotations__)
try:
    y
except NameError as e:
    print(type(e).__name__, e)
def h() -> None: pass
print(h.__annotations__)
d = {}
d["k"]: int = 1
print(d)
