class A:
    def who(self): return "A"
    @classmethod
    def cwho(cls): return f"A.cwho({cls.__name__})"
    @staticmethod
    def swho(): return "A.swho"
    @property
    def prop(self): return "A.prop"
class B(A):
    def who(self): return "B>" + super().who()
    @classmethod
    def cwho(cls): return "B>" + super().cwho()
    @staticmethod
    def swho(): return "B>" + super(B, B).swho()
    @property
    def prop(self): return "B>" + super().prop
class C(B):
    def who(self): return "C>" + super().who()
c = C()
print(c.who(), C.cwho(), C.swho(), c.prop)
print(super(B, c).who(), super(C, c).who(), super(A, c).__class__.__name__)
s = super(C, c)
print(repr(s).startswith("<super: <class 'C'>, <C object>"), s.who())
try:
    super(B, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(C, c).missing
except AttributeError as e:
    print(type(e).__name__, e)
print(super(B, C).cwho(), super(B, B).who(c))
