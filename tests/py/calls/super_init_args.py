class Base:
    def __init__(self, a, b=0):
        self.a, self.b = a, b
class Child(Base):
    def __init__(self, a, c):
        super().__init__(a, b=c * 2)
        self.c = c
c = Child(1, 2)
print(c.a, c.b, c.c)
class Bad(Base):
    def __init__(self):
        super().__init__()
try:
    Bad()
except TypeError as e:
    print(e)
class Bad2(Base):
    def __init__(self):
        super().__init__(1, 2, 3)
try:
    Bad2()
except TypeError as e:
    print(e)
class Obj:
    def __init__(self, x):
        super().__init__(x)
try:
    Obj(1)
except TypeError as e:
    print(e)
class NewOnly:
    def __new__(cls, *args):
        return super().__new__(cls)
print(type(NewOnly(1, 2)).__name__)
class NewPass:
    def __new__(cls, *args):
        return super().__new__(cls, *args)
try:
    NewPass(1)
except TypeError as e:
    print(e)
class InitOnly:
    def __init__(self, *args):
        self.args = args
print(InitOnly(1, 2).args)
