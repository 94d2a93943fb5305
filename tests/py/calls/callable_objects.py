class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), callable(a), callable(Adder))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
class CallViaClass:
    pass
CallViaClass.__call__ = lambda self: "added later"
print(CallViaClass()())
obj = NotCallable()
obj.__call__ = lambda: "instance attr"
try:
    obj()
except TypeError as e:
    print(e)
class Partial:
    def __init__(self, f, *args, **kw):
        self.f, self.args, self.kw = f, args, kw
    def __call__(self, *args, **kw):
        return self.f(*self.args, *args, **{**self.kw, **kw})
def show(*a, **k):
    return a, k
p = Partial(show, 1, 2, x=1)
print(p(3, y=2), p(x=5))
p2 = Partial(p, 0)
print(p2())
class Meta(type):
    def __call__(cls, *a):
        return ("intercepted", cls.__name__, a)
class M(metaclass=Meta):
    pass
print(M(1, 2))
