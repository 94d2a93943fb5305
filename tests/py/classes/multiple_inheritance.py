class Base:
    def hello(self):
        return ["Base"]
class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()
class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()
class Diamond(Left, Right):
    def hello(self):
        return ["Diamond"] + super().hello()
print(Diamond().hello())
print([c.__name__ for c in Diamond.__mro__])
class Mixin:
    tag = "mixin"
    def describe(self):
        return f"{type(self).__name__} with {self.tag}"
class Thing:
    tag = "thing"
class Combo(Mixin, Thing): pass
class Combo2(Thing, Mixin): pass
print(Combo().describe(), Combo2().describe())
class InitA:
    def __init__(self):
        print("InitA")
        super().__init__()
class InitB:
    def __init__(self):
        print("InitB")
        super().__init__()
class InitC(InitA, InitB):
    def __init__(self):
        print("InitC")
        super().__init__()
InitC()
print(issubclass(Diamond, Base), isinstance(Diamond(), Right), Left in Diamond.__mro__)
