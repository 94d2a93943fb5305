def count(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")
g = count(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def empty():
    return
    yield
print(list(empty()))
def yield_expr_value():
    x = yield
    print("got", x)
g = yield_expr_value()
print(next(g))
try:
    g.send(10)
except StopIteration:
    print("done")
print(sum(x * x for x in range(10)), list(zip(count(2), "ab")))
