class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            print("creating")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther())
class Sub(ReturnsOther.__class__): pass
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __new__(cls, *args, **kwargs):
        print("Base.__new__", cls.__name__, args, kwargs)
        return super().__new__(cls)
class Child(Base):
    def __init__(self, x, y=0):
        print("Child.__init__", x, y)
Child(1, y=2)
class ReturnsSubclass:
    def __new__(cls):
        return object.__new__(Other)
    def __init__(self):
        print("ReturnsSubclass init")
class Other(ReturnsSubclass):
    def __init__(self):
        print("Other init")
print(type(ReturnsSubclass()).__name__)
class Unrelated:
    def __new__(cls):
        return object.__new__(Plain)
    def __init__(self):
        print("not called for unrelated")
class Plain: pass
print(type(Unrelated()).__name__)
o = object.__new__(Child)
print(type(o).__name__, hasattr(o, "x"))
