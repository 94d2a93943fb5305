def g():
    x = yield 1, 2
    print("x =", x)
    y = (yield) or "default"
    print("y =", y)
    z = [(yield "a"), (yield "b")]
    print("z =", z)
    w = yield from ((yield "c"),)
    print("w =", w)
    print("sum", (yield "d") + (yield "e"))
gen = g()
print(next(gen))
print(gen.send("X"))
print(gen.send(None))
print(gen.send("Z1"))
print(gen.send("Z2"))
print(gen.send("C"))
print(next(gen))
print(gen.send(10))
try:
    gen.send(5)
except StopIteration:
    print("finished")
def lam_gen():
    f = lambda: (yield 5)
    return f
lg = lam_gen()()
print(type(lg).__name__, next(lg))
