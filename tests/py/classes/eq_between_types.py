class A:
    def __eq__(self, o):
        print("A.__eq__", type(o).__name__)
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.__eq__", type(o).__name__)
        return NotImplemented
a, b = A(), B()
print(a == b)
print(a != b)
print(a == a)
print(1 == a)
print("s" != b)
class C:
    def __eq__(self, o):
        return 42
print(C() == 1, 1 == C(), C() != 1)
print([C()] == [C()], (1, C()) == (1, 2))
class D(int):
    def __eq__(self, o):
        print("D.__eq__")
        return True
print(1 == D(2), D(2) == 1)
