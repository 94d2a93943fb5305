# One attribute or method site seeing many situations: the interpreter's
# inline caches must give the same answers as a fresh lookup every time.


class A:
    def __init__(self, x):
        self.x = x

    def m(self):
        return "A.m"


class B:
    def __init__(self, x):
        self.y = 0
        self.x = x

    def m(self):
        return "B.m"


def get_x(o):
    return o.x


def call_m(o):
    return o.m()


objs = [A(1), B(2), A(3), B(4)]
for round_ in range(3):
    print([get_x(o) for o in objs], [call_m(o) for o in objs])

# Attributes added in different orders: different maps, same site.
a1 = A(1)
a1.z = "z1"
a2 = A(2)
a2.__dict__  # dict mode from here on
a2.z = "z2"
for o in (a1, a2, a1, a2):
    print(get_x(o), o.z)

# An instance attribute shadowing the method, then removed.
a = A(5)
print(call_m(a))
a.m = lambda: "instance m"
print(call_m(a), call_m(A(6)))
del a.m
print(call_m(a))

# The class changes under the caches.
print(call_m(a))
A.m = lambda self: "patched A.m"
print(call_m(a), call_m(A(7)))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError", e)
A.m = lambda self: "restored"
print(call_m(a))

# A data descriptor added to the class wins over the instance attribute.
a8 = A(8)
print(get_x(a), get_x(a8))
A.x = property(lambda self: "property x")
print(get_x(a), get_x(a8))
del A.x
print(get_x(a))


# __getattribute__ added later.
def ga(self, name):
    return "ga:" + name


print(get_x(a))
A.__getattribute__ = ga
print(get_x(a))
del A.__getattribute__
print(get_x(a))

# __class__ assignment.
class A2(A):
    def m(self):
        return "A2.m"


b = A(9)
print(call_m(b), get_x(b))
b.__class__ = A2
print(call_m(b), get_x(b))
b.__class__ = A
print(call_m(b))


# __slots__ objects and builtins at the same sites.
class S:
    __slots__ = ("x",)

    def __init__(self):
        self.x = "slot x"

    def m(self):
        return "S.m"


for o in (S(), A(10), S()):
    print(get_x(o), call_m(o))


class WithList(list):
    def m(self):
        return "list m"


for o in (WithList(), A(11), WithList([1])):
    print(call_m(o))

# A base class changing invalidates the subclass's caches.
class Base:
    def m(self):
        return "Base.m"


class Derived(Base):
    pass


d = Derived()
print(call_m(d))
Base.m = lambda self: "Base.m v2"
print(call_m(d))
Derived.m = lambda self: "Derived.m"
print(call_m(d))
del Derived.m
print(call_m(d))

# Many attributes (past the map limit) and deletion.
class Many:
    pass


m = Many()
for i in range(70):
    setattr(m, "a%d" % i, i)
m.x = "many x"
print(get_x(m))
del m.x
try:
    get_x(m)
except AttributeError as e:
    print("AttributeError", e)
m.x = "again"
print(get_x(m))

# Ints, strs and modules at a method site.
def upper(o):
    return o.upper()


print(upper("abc"), upper("Ünï"))


def bitlen(o):
    return o.bit_length()


print(bitlen(255), bitlen(2**100), bitlen(True))
