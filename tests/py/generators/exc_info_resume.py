# sys.exc_info() and bare `raise` in generators and coroutines resumed from
# code that handles an exception, including the very exception thrown into
# them (asyncio's Task.__wakeup catches an error and throws it into the
# coroutine: wait_for's `except CancelledError: await ...; raise`).
import sys


def name(e):
    return None if e is None else type(e).__name__ + repr(e.args)


class Suspend:
    def __await__(self):
        yield "suspended"


def step(c, exc=None):
    try:
        r = c.throw(exc) if exc is not None else c.send(None)
        return "yielded " + str(r)
    except StopIteration as e:
        return "returned " + str(e.value)
    except BaseException as e:
        return "raised " + name(e)


async def helper(tag):
    print(tag, "helper before", name(sys.exception()))
    try:
        await Suspend()
    finally:
        print(tag, "helper finally", name(sys.exception()))
    return tag


async def reraiser():
    try:
        await Suspend()
    except KeyError:
        print("handler", name(sys.exception()))
        await helper("h")
        print("after helper", name(sys.exception()))
        raise


# The resumer throws the exception it is handling itself.
c = reraiser()
print(step(c))
err = KeyError("same")
try:
    raise err
except KeyError as e:
    print(step(c, e))
print("resumer outside", name(sys.exception()))
print(step(c))

# The same, resumed the last time from inside another handler.
c = reraiser()
step(c)
try:
    raise err
except KeyError as e:
    step(c, e)
try:
    raise ValueError("other")
except ValueError:
    print(step(c))
    print("resumer keeps", name(sys.exception()))


# A generator without a handler of its own sees its resumer's exception.
def plain():
    while True:
        print("inside", name(sys.exception()))
        yield


g = plain()
next(g)
try:
    raise IndexError("first")
except IndexError:
    next(g)
try:
    raise TypeError("second")
except TypeError:
    next(g)
next(g)


# A generator's own handled exception survives suspension, whatever its
# resumers handle, and goes away when its handler ends.
def own():
    try:
        raise LookupError("own")
    except LookupError:
        yield name(sys.exception())
        yield name(sys.exception())
    yield name(sys.exception())


g = own()
print(next(g))
try:
    raise OSError("resumer")
except OSError:
    print(next(g))
    print(next(g))


# An exception raised in a generator that handles nothing gets the
# resumer's handled exception as its __context__.
def raiser():
    yield
    raise RuntimeError("in gen")


g = raiser()
next(g)
try:
    try:
        raise ZeroDivisionError("outer")
    except ZeroDivisionError:
        next(g)
except RuntimeError as e:
    print("context", name(e.__context__))


# Nested: a generator delegating (yield from) to one that catches and re-raises.
def inner():
    try:
        yield 1
    except ArithmeticError:
        yield name(sys.exception())
        raise


def outer():
    yield from inner()


g = outer()
next(g)
try:
    raise ArithmeticError("shared")
except ArithmeticError as e:
    print(g.throw(e))
try:
    next(g)
except ArithmeticError as e:
    print("delegated reraise", name(e))


# `async for` ending inside an except block leaves the handled exception.
class Empty:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


async def loop_in_handler():
    try:
        raise KeyError("loop")
    except KeyError:
        async for _ in Empty():
            pass
        print("after async for", name(sys.exception()))
        raise


print(step(loop_in_handler()))
