# Attribute sites that see several classes in turn (each miss refills the
# site's cache): instance attributes at different map positions, __slots__
# members, properties and other data descriptors that win over the
# instance, class attributes shadowed by instance ones, and stores.


class A:
    def __init__(self):
        self.x = 1
        self.y = 2


class B:
    def __init__(self):
        self.y = 20
        self.x = 10


class S:
    __slots__ = ("x", "y")

    def __init__(self):
        self.y = 200
        self.x = 100


class P:
    def __init__(self):
        self.y = 2000

    @property
    def x(self):
        return "property x"


class Shadow:
    x = "class x"

    def __init__(self):
        self.y = 0


class Desc:
    def __get__(self, obj, owner):
        return "desc"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


class D:
    x = Desc()
    y = 5


def read(o):
    return o.x, o.y


def write(o, v):
    o.y = v


objs = [A(), B(), S(), P(), Shadow(), D(), A(), S()]
for round in range(3):
    print([read(o) for o in objs])
    for i, o in enumerate(objs):
        if isinstance(o, D):
            continue
        write(o, round * 10 + i)
sh = objs[4]
sh.x = "instance x"
print(read(sh), read(Shadow()))
d = objs[5]
d.x = "via set"
print(d.seen, read(d))
try:
    objs[3].x = 1
except AttributeError as e:
    print("AttributeError:", e)
s = S.__new__(S)
try:
    read(s)
except AttributeError as e:
    print("AttributeError:", e)
write(s, 7)
print(s.y)
