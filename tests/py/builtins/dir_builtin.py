class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    child_attr = 2
    def __init__(self): self.inst = 3
    def child_method(self): pass
print([n for n in dir(Child()) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(dir(Child()) == sorted(dir(Child())), "__init__" in dir(Child), "__dict__" in dir(Child()))
def f():
    a = 1
    b = 2
    return dir()
print(f())
class Custom:
    def __dir__(self): return ["b", "a", "c", "a"]
print(dir(Custom()))
class BadDir:
    def __dir__(self): return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(int) if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")])
