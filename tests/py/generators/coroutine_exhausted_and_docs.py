# An exhausted coroutine refuses throw() as send() ("cannot reuse already
# awaited coroutine") while an exhausted generator re-raises; a generator
# lambda returns its value; the docstrings of the generator types.
import types


async def coroutine():
    return 'spam'

coro = coroutine()
try:
    coro.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
for how in ("send", "throw"):
    try:
        if how == "send":
            coro.send(None)
        else:
            coro.throw(Exception('wat'))
    except RuntimeError as e:
        print(how, "RuntimeError", e)
coro.close()
coro.close()

it = iter(coroutine().__await__())
try:
    it.send(None)
except StopIteration as e:
    print("await iterator", e.value)
for f in (lambda: it.send(None), lambda: next(it), lambda: it.throw(Exception('wat'))):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError", e)
it.close()


def gen():
    yield 1

g = gen()
list(g)
try:
    g.throw(ValueError("again"))
except ValueError as e:
    print("generator re-raises", e)

f = lambda: (yield 1)
f2 = lambda: (yield from f())
for h in (f, f2):
    it = h()
    next(it)
    try:
        it.send(2)
    except StopIteration as e:
        print("lambda returns", e.value)

ct = types.CoroutineType
for name in ("send", "throw", "close", "__await__"):
    print(name, repr(getattr(ct, name).__doc__))
print(repr(ct.__dict__['__name__'].__doc__), repr(ct.__dict__['__qualname__'].__doc__))
print(type(ct.__dict__['cr_code']).__name__, type(ct.__dict__['cr_origin']).__name__)
gt = types.GeneratorType
for name in ("send", "throw", "close"):
    print(name, repr(getattr(gt, name).__doc__))
print(repr(gt.__dict__['gi_yieldfrom'].__doc__), type(gt.__dict__['gi_code']).__name__)
at = types.AsyncGeneratorType
for name in ("asend", "athrow", "aclose", "__anext__", "__aiter__"):
    print(name, repr(getattr(at, name).__doc__))
print(repr(at.__dict__['__name__'].__doc__), type(at.__dict__['ag_running']).__name__)

try:
    print >> 1
except TypeError as e:
    print(e)
try:
    len >> 1
except TypeError as e:
    print(e)
