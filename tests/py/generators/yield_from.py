def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-final"
    return "outer result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("stop", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 10 for x in range(2)))))
def tree(n):
    if n == 0:
        return 0
    left = yield from tree(n - 1)
    yield n
    right = yield from tree(n - 1)
    return left + right + 1
gen = tree(3)
out = []
try:
    while True:
        out.append(next(gen))
except StopIteration as e:
    print(out, "nodes", e.value)
def delegator():
    try:
        yield from thrower()
    except KeyError as e:
        print("delegator caught", repr(e))
        yield "after catch"
def thrower():
    try:
        yield 1
    except ValueError:
        print("thrower handled ValueError")
        yield 2
d = delegator()
print(next(d), d.throw(ValueError), d.throw(KeyError("k")))
