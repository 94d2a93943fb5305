class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("b") as x, CM("c") as y:
    print("body", x, y)
with (CM("d") as p,
      CM("e")):
    print("parenthesized", p)
with CM("f", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("g"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def ret():
    with CM("h"):
        return "returned"
print(ret())
for i in range(3):
    with CM(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class T:
    def __enter__(self): return self
    def __exit__(self, *a): pass
slot = [None]
with T() as slot[0]:
    print(type(slot[0]).__name__)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)
