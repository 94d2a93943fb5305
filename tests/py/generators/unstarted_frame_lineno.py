# A generator, coroutine or async generator not started yet is at its def
# line (asyncio's task reprs print "coro() running at FILE:LINE"), with or
# without cells and free variables; the RESUME instruction's position.


def plain():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


def with_cells():
    x = 1

    def gen():
        y = 2

        def use():
            return y

        yield x

    return gen


def decorated(f):
    return f


@decorated
def deco_gen():
    yield 1


for f in (plain, coro, agen, with_cells(), deco_gen):
    obj = f()
    frame = getattr(obj, "gi_frame", None) or getattr(obj, "cr_frame", None) or obj.ag_frame
    print(f.__name__, frame.f_lineno, f.__code__.co_firstlineno)
    # The prologue, up to RESUME (columns 0-0).
    positions = list(f.__code__.co_positions())
    n = next(i for i, p in enumerate(positions) if p[2:] == (0, 0))
    print(" ", positions[: n + 1])
    if hasattr(obj, "close"):
        obj.close()
    else:
        obj.aclose().close()

# After it finished, the frame is gone.
c = coro()
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, c.cr_frame)


def function(a):
    return a


print(list(function.__code__.co_positions())[:1])
print(list(compile("x = 1\n", "m", "exec").co_positions())[:1])
print(list(compile("\n\nx = 1\n", "m", "exec").co_positions())[:1])
print(list(compile("1", "m", "eval").co_positions())[:1])
print(list((lambda: 0).__code__.co_positions())[:1])
