def make_ops():
    ops = {}
    def op(name):
        def deco(f):
            ops[name] = f
            return f
        return deco
    @op("+")
    def add(a, b): return a + b
    @op("*")
    def mul(a, b): return a * b
    return ops
ops = make_ops()
print(sorted(ops), ops["+"](2, 3), ops["*"](2, 3))
def accumulator():
    total = 0
    items = []
    def add(x):
        nonlocal total
        total += x
        items.append(x)
        return total
    def report():
        return total, list(items)
    return add, report
add, report = accumulator()
add(5); add(7)
print(report())
def rec_closure(n):
    def helper(k):
        return 1 if k == 0 else k * helper(k - 1)
    return helper(n)
print(rec_closure(10))
def gen_multipliers():
    return [lambda x, i=i: x * i for i in range(1, 4)]
print([m(10) for m in gen_multipliers()])
def outer(a):
    def middle(b):
        def inner(c):
            nonlocal a
            a += 1
            return a, b, c
        return inner
    return middle
f = outer(0)(1)
print(f(2), f(3))
