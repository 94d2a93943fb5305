def g(label):
    try:
        yield 1
        yield 2
    finally:
        print("finally", label)
print(list(g("exhausted")))
b = g("break")
for v in b:
    break
print("after break, generator still suspended")
b.close()
x = g("explicit close")
next(x)
x.close()
def gen_return_in_finally():
    try:
        yield 1
    finally:
        return "from finally"
h = gen_return_in_finally()
next(h)
try:
    next(h)
except StopIteration as e:
    print("StopIteration value:", e.value)
def nested():
    try:
        try:
            yield "inner"
        finally:
            print("inner finally")
        yield "between"
    finally:
        print("outer finally")
n = nested()
print(next(n))
print(next(n))
n.close()
def with_in_gen():
    class CM:
        def __enter__(self): print("enter"); return self
        def __exit__(self, *a): print("exit", a[0].__name__ if a[0] else None)
    with CM():
        yield "in with"
w = with_in_gen()
print(next(w))
w.close()
