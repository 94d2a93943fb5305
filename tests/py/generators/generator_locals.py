def counter():
    count = 0
    items = []
    while True:
        item = yield count, tuple(items)
        count += 1
        items.append(item)
c = counter()
print(next(c), c.send("a"), c.send("b"))
def closures_in_gen():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
        yield [f() for f in fs]
print(list(closures_in_gen()))
def gen_with_nonlocal():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(5):
        add(v)
        yield total
print(list(gen_with_nonlocal()))
def independent(n):
    for i in range(n):
        yield i
a, b = independent(3), independent(3)
print(next(a), next(a), next(b), list(a), list(b))
def exc_context_in_gen():
    try:
        raise KeyError("outer")
    except KeyError:
        yield "inside except"
        try:
            raise ValueError("inner")
        except ValueError as e:
            yield repr(e.__context__)
print(list(exc_context_in_gen()))
