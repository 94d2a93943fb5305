def level3():
    try:
        x = yield "L3 first"
        print("L3 received", x)
        y = yield "L3 second"
        print("L3 received", y)
    except KeyError as e:
        print("L3 caught", repr(e))
        yield "L3 recovered"
    finally:
        print("L3 finally")
    return "L3 value"
def level2():
    r = yield from level3()
    print("L2 got", r)
    return "L2 value"
def level1():
    r = yield from level2()
    print("L1 got", r)
    yield "L1 end"
g = level1()
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("deep")))
print(next(g))
g2 = level1()
next(g2)
g2.close()
print("g2 closed")
g3 = level1()
next(g3)
try:
    g3.throw(IndexError("unhandled"))
except IndexError as e:
    print("propagated to top:", repr(e))
