class A:
    x = 1
    def __getattr__(self, name):
        if name == "dynamic":
            return "yes"
        if name == "raises_key":
            raise KeyError(name)
        raise AttributeError(name)
a = A()
print(hasattr(a, "x"), hasattr(a, "dynamic"), hasattr(a, "nope"), hasattr(A, "dynamic"), hasattr(1, "real"), hasattr(None, "x"))
try:
    hasattr(a, "raises_key")
except KeyError as e:
    print("KeyError propagates:", e)
try:
    hasattr(a, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(len, "__call__"), hasattr("s", "upper"), hasattr([], "sort"), hasattr((), "sort"), hasattr(type, "mro"))
