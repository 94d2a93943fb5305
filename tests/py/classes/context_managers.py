class Tx:
    def __init__(self, log): self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        if et is None:
            self.log.append("commit")
        else:
            self.log.append(f"rollback {et.__name__}: {ev}")
            return isinstance(ev, ValueError)
log = []
with Tx(log):
    log.append("work")
with Tx(log):
    raise ValueError("bad value")
try:
    with Tx(log):
        raise KeyError("k")
except KeyError:
    log.append("KeyError propagated")
print(log)
class Nested:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        if self.n == 3:
            raise RuntimeError("enter failed")
        return self.n
    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else None)
try:
    with Nested(1) as a, Nested(2) as b, Nested(3) as c:
        print("unreachable")
except RuntimeError as e:
    print("caught", e)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
class Reentrant:
    depth = 0
    def __enter__(self):
        Reentrant.depth += 1
        return Reentrant.depth
    def __exit__(self, *a):
        Reentrant.depth -= 1
rc = Reentrant()
with rc as d1:
    with rc as d2:
        print(d1, d2, Reentrant.depth)
print(Reentrant.depth)
class Sup:
    def __enter__(self): pass
    def __exit__(self, *a): return True
def f():
    for i in range(3):
        with Sup():
            if i == 1:
                raise StopIteration
            print("i", i)
    return "done"
print(f())
