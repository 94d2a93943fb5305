class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Mallard:
    def quack(self): pass
class Stone:
    pass
print(isinstance(Mallard(), Duck), isinstance(Stone(), Duck))
print(issubclass(Mallard, Duck), issubclass(Stone, Duck))
print(isinstance(Mallard(), (int, Duck)))
print(isinstance(Duck(), Duck))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, (int, A)), issubclass(B, B), issubclass(A, B))
print(isinstance(True, int), issubclass(bool, (str, int)), isinstance(1, (list, (tuple, int))))
try:
    issubclass(B(), A)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
