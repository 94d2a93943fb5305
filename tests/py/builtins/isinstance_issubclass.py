class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (C, A)), isinstance(1, (str, (float, int))), isinstance(True, int))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, int), issubclass(int, object), issubclass(A, A))
print(isinstance(A, type), isinstance(type, object), issubclass(type, object), isinstance(object, type), issubclass(object, type))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance("s", str), isinstance(b"b", bytes), isinstance(None, type(None)))
print(isinstance(1, int | str), isinstance("x", int | None), issubclass(bool, int | float), isinstance(None, int | None))
class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, int) and inst > 10
    def __subclasscheck__(cls, sub):
        return sub in (int, float)
class BigInt(metaclass=Meta): pass
print(isinstance(50, BigInt), isinstance(5, BigInt), isinstance("x", BigInt), issubclass(int, BigInt), issubclass(str, BigInt))
print(isinstance(50, (str, BigInt)), issubclass(float, (str, BigInt)))
for bad in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, (int, 1)), lambda: issubclass(int, [int])):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
