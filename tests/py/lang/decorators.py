def trace(f):
    def wrapper(*a, **k):
        print("call", f.__name__, a, k)
        r = f(*a, **k)
        print("ret", r)
        return r
    wrapper.__name__ = "wrapped_" + f.__name__
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, b=2)
print(add.__name__)
def tag(name):
    print("making tag", name)
    def deco(f):
        print("decorating", f.__name__, "with", name)
        f.tags = getattr(f, "tags", []) + [name]
        return f
    return deco
@tag("a")
@tag("b")
def h(): pass
print(h.tags)
def register(cls):
    registry.append(cls.__name__)
    return cls
registry = []
@register
class A: pass
@register
class B: pass
print(registry)
@lambda f: f()
def value():
    return 99
print(value)
decos = [trace]
@decos[0]
def sub(a, b): return a - b
sub(5, 3)
class Counter:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@Counter
def sq(x): return x * x
sq(2); sq(3)
print(sq.n)
