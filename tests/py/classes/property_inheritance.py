class Base:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
class Child(Base):
    @property
    def v(self): return "child:" + str(self._v)
c = Child()
print(c.v)
try:
    c.v = 5
except AttributeError as e:
    print(type(e).__name__, e)
class Child2(Base):
    @Base.v.setter
    def v(self, x):
        self._v = x * 10
c2 = Child2()
c2.v = 3
print(c2.v)
class Err:
    @property
    def broken(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"__getattr__ got {name}"
print(Err().broken)
class Err2:
    @property
    def broken(self):
        raise AttributeError("inner missing")
try:
    Err2().broken
except AttributeError as e:
    print(type(e).__name__, e)
class Shadow:
    @property
    def p(self): return "prop"
s = Shadow()
s.__dict__["p"] = "dict value"
print(s.p)
class Ro:
    x = property(lambda self: 1)
try:
    Ro().x = 2
except AttributeError as e:
    print(type(e).__name__, e)
