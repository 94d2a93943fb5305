# The StopIteration (StopAsyncIteration) that ends send(), throw(), an
# asend()/athrow() awaitable or __anext__: no args when the value is None,
# (value,) otherwise, as CPython's _PyGen_SetStopIterationValue and
# PyErr_SetNone.
def gen():
    yield 1


def gen_returns():
    yield 1
    return 5


def catch(f, *args):
    try:
        f(*args)
    except (StopIteration, StopAsyncIteration) as e:
        print(type(e).__name__, e.args, getattr(e, "value", "-"))


g = gen()
next(g)
catch(g.send, None)
catch(g.send, None)
g = gen_returns()
next(g)
catch(g.send, 7)
catch(g.send, 7)


def catches():
    try:
        yield 1
    except ValueError:
        return None


g = catches()
next(g)
catch(g.throw, ValueError)


async def agen():
    yield None
    yield 5


a = agen()
for _ in range(3):
    catch(a.__anext__().send, None)
a = agen()
catch(a.asend(None).send, None)


async def agen_catches():
    try:
        yield 1
    except ValueError:
        yield None


a = agen_catches()
catch(a.__anext__().send, None)
catch(a.athrow(ValueError).send, None)
catch(a.aclose().send, None)


async def coro():
    return None


catch(coro().send, None)
print(repr(StopIteration()), repr(StopAsyncIteration()))
