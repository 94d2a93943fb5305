print(type(1), type("s"), type(None), type(type), type(len), type(lambda: 0), type([].append), type(print), type(int.__add__), type(object.__init__))
print(type(1).__name__, type(1.0).__qualname__, type([]) is list, type(type(1)) is type)
def method(self): return f"I am {self.name}"
Dyn = type("Dyn", (object,), {"name": "dyn", "who": method, "__repr__": lambda self: "<Dyn>"})
d = Dyn()
print(d, d.who(), Dyn.__name__, Dyn.__bases__, Dyn.__module__, type(d) is Dyn)
Sub = type("Sub", (Dyn,), {})
print(Sub().who(), Sub.__mro__)
for args in [(1, 2), ("X", (), {}, 1), ("X", 5, {}), ("X", (), 5), (1, (), {})]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class M(type):
    pass
X = M("X", (), {"v": 1})
print(type(X).__name__, X.v, isinstance(X, M))
print(type.__name__, type.__bases__, type.__mro__)
