class A:
    def __add__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
class B: pass
tests = [
    lambda: A() + 1,
    lambda: 1 + A(),
    lambda: A() + B(),
    lambda: B() - B(),
    lambda: A() < 1,
    lambda: 1 > A(),
    lambda: A() <= B(),
    lambda: [] + (),
    lambda: {} | [],
    lambda: 1 @ 2,
    lambda: "a" ** 2,
    lambda: -"a",
    lambda: ~1.5,
    lambda: abs(B()),
    lambda: 2 << 1.0,
    lambda: divmod("a", 1),
    lambda: pow(2, 3, 1.5),
    lambda: B() < B(),
    lambda: None >= 0,
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(e)
a = A()
print(a == a, a == A(), a != a, a == 1)
