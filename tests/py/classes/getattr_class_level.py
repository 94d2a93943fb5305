class A:
    x = 1
    def __getattr__(self, name):
        return "instance fallback " + name
print(A().x, A().missing)
try:
    A.missing
except AttributeError as e:
    print(type(e).__name__, e)
class B:
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(): return "helped"
print(type(B.make()).__name__, B.helper(), getattr(B, "helper")())
print(getattr(B, "nope", "dflt"), hasattr(B, "make"))
class C:
    items = []
    @classmethod
    def add(cls, x):
        cls.items = cls.items + [x]
        return cls
class D(C): pass
C.add(1); D.add(2); D.add(3)
print(C.items, D.items)
print(type.__getattribute__(C, "items"), object.__getattribute__(C(), "items"))
