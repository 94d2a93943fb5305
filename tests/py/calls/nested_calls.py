def f(x): return x + 1
def g(x, y): return x * y
def h(*a): return sum(a)
print(f(f(f(1))), g(f(1), f(2)), h(*map(f, range(5))), h(g(2, 3), *[f(0)] * 3))
print(list(map(g, [1, 2], [3, 4])))
print((lambda fn, v: fn(fn(v)))(f, 10))
fns = {"inc": f, "mul": g}
print(fns["inc"](fns["mul"](3, 4)))
print(getattr("abc", "upper")(), getattr([1, 2], "index")(2))
class Chain:
    def __init__(self): self.ops = []
    def __getattr__(self, name):
        def method(*a):
            self.ops.append((name, a))
            return self
        return method
print(Chain().foo(1).bar().baz(2, 3).ops)
print(str(len(repr(list(range(int(str(10))))))))
