def worker():
    try:
        while True:
            try:
                x = yield
                print("work", x)
            except ValueError as e:
                print("recovered from", e)
                yield "recovered"
    finally:
        print("worker cleanup")
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad input")))
next(w)
w.send(2)
try:
    w.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated", repr(e))
print(w.gi_frame)
def closeable():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit received")
        raise
c = closeable()
print(next(c))
c.close()
c.close()
print(list(c))
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(b))
def never_started():
    print("body")
    yield
n = never_started()
n.close()
print("closed unstarted generator without running body")
t = never_started()
try:
    t.throw(IndexError("before start"))
except IndexError as e:
    print("throw before start:", e)
