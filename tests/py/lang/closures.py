def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
def make():
    val = []
    def add(v):
        val.append(v)
        return val
    return add
a = make()
a(1); print(a(2))
print(a.__closure__[0].cell_contents)
def late():
    def g():
        return y
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    y = 5
    return g()
print(late())
def shadow():
    z = "outer"
    def g():
        z = "inner"
        return z
    return g(), z
print(shadow())
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(2)(3)(4))
print(counter.__code__.co_cellvars, c1.__code__.co_freevars)
