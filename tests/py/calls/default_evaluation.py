calls = []
def make(v):
    calls.append(v)
    return v
def f(a=make(1), b=make([]), *, c=make("c")):
    b.append(a)
    return b
print(calls)
print(f(), f(), f(b=[]))
print(f.__defaults__)
class K:
    def m(self, x=make("in class")):
        return x
print(calls)
def outer(n):
    def inner(v=n * 2):
        return v
    return inner
print(outer(5)(), outer(7)(), outer(7)(0))
g = lambda q=make("lambda default"): q
print(calls[-1], g())
