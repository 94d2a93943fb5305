class A:
    """doc"""
    x = 1
    def m(self): pass
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, A.__bases__)
print(sorted(k for k in A.__dict__ if not k.startswith("__") or k == "__doc__"))
print("__dict__" in A.__dict__, "__weakref__" in A.__dict__)
A.__name__ = "Renamed"
print(A.__name__, A.__qualname__, repr(A))
A.__qualname__ = "Q.A"
print(repr(A))
try:
    A.__dict__["y"] = 1
except TypeError as e:
    print(type(e).__name__, e)
class B(A): pass
print(B.__base__.__name__, B.__mro__[1] is A, [c.__name__ for c in B.__subclasses__()], [c.__name__ for c in A.__subclasses__()])
print(type(A.__dict__).__name__, A.__dict__["x"])
try:
    A.__bases__ = (int,)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(A, type), type(A) is type, A.__class__ is type)
print(int.__name__, int.__module__, object.__qualname__, type.__module__)
