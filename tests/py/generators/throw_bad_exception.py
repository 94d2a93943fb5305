# gen.throw() of a class whose constructor fails or returns no exception:
# the TypeError (or the constructor's error) is thrown into the generator,
# as CPython's exception normalization does.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

class Boom(Exception):
    def __init__(self, *args):
        raise KeyError("from __init__")

def boring():
    yield

g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("TypeError", e)
try:
    next(g)
except StopIteration:
    print("StopIteration: closed")

def catching():
    while True:
        try:
            yield
        except Exception as e:
            print("inside", type(e).__name__, e)

g = catching()
next(g)
g.throw(E)
g.throw(E, "arg")
g.throw(Boom)
g.throw(Boom, (1, 2))
g.throw(ValueError, 5)
g.throw(ValueError, (1, 2))
g.throw(ValueError, ValueError("same"))
g.throw(KeyError("instance"))
for bad in [(1,), (ValueError(), 1), (ValueError, None, 5)]:
    try:
        g.throw(*bad)
    except TypeError as e:
        print("TypeError", e)
g.close()
print("done")
