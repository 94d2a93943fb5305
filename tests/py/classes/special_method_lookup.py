class C:
    def __len__(self): return 1
    def __repr__(self): return "C-repr"
c = C()
c.__len__ = lambda: 5
c.__repr__ = lambda: "instance repr"
print(len(c), c.__len__(), repr(c), c.__repr__())
class G:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def __len__(self): return 2
g = G()
print(len(g))
print(g.__len__())
class GA:
    def __getattr__(self, name):
        return lambda *a: f"getattr {name}"
ga = GA()
print(ga.__len__())
try:
    len(ga)
except TypeError as e:
    print(type(e).__name__, e)
try:
    ga + 1
except TypeError as e:
    print(type(e).__name__, e)
class Later: pass
l = Later()
Later.__len__ = lambda self: 9
Later.__add__ = lambda self, o: ("added", o)
print(len(l), l + 1)
del Later.__len__
try:
    len(l)
except TypeError as e:
    print(type(e).__name__, e)
