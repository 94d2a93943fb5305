def f(**kw):
    kw["added"] = True
    return kw
d = {"a": 1}
r = f(**d)
print(d, r, r is d)
def g(*args):
    return args
t = (1, 2)
print(g(*t) == t, type(g(*[1])).__name__)
def h(**kw):
    return kw
print(h(**{"not an identifier": 1, "123": 2}))
print(h(**dict.fromkeys("abc", 0)))
many = {f"k{i}": i for i in range(50)}
print(sum(h(**many).values()), list(h(**many))[:3])
def pos(*a):
    return len(a)
print(pos(*range(1000)))
def order(a, b, c):
    return a + b + c
print(order(c="3", **{"a": "1"}, b="2"))
class Str(str):
    pass
print(h(**{Str("sub"): 1}))
