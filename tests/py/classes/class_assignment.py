class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
a.data = 1
print(a.who(), type(a).__name__)
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B), a.data)
try:
    a.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3:
    __slots__ = ("y",)
s = S1()
s.__class__ = S2
print(type(s).__name__)
try:
    s.__class__ = S3
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.__class__ = "notaclass"
except TypeError as e:
    print(type(e).__name__, e)
