class C:
    def __setattr__(self, k, v):
        print("custom setattr", k)
        object.__setattr__(self, k, v)
    def __getattribute__(self, k):
        if k == "secret":
            return "intercepted"
        return object.__getattribute__(self, k)
c = C()
c.a = 1
object.__setattr__(c, "b", 2)
print(c.a, c.b, c.secret, object.__getattribute__(c, "__dict__"))
object.__delattr__(c, "a")
print(vars(c))
try:
    object.__setattr__(1, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__repr__(c)[:12], object.__str__(5), object.__format__(5, ""), object.__hash__(c) == hash(c))
print(type.__getattribute__(int, "__name__"), type.__repr__(C), object.__sizeof__(c) > 0)
