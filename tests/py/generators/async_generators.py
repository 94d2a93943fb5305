class Tick:
    def __await__(self):
        v = yield "tick"
        return v
async def agen(n):
    for i in range(n):
        got = await Tick()
        yield (i, got)
    print("agen exhausted")
def run(coro):
    v = None
    while True:
        try:
            y = coro.send(v)
        except StopIteration as e:
            return e.value
        v = f"resumed<{y}>"
async def consume():
    out = []
    async for item in agen(3):
        out.append(item)
    return out
print(run(consume()))
async def comp():
    return [x async for x in agen(2)]
print(run(comp()))
a = agen(1)
print(type(a).__name__, a.__name__)
async def manual():
    it = a.__aiter__()
    first = await it.__anext__()
    try:
        await it.__anext__()
    except StopAsyncIteration:
        return first, "StopAsyncIteration"
print(run(manual()))
async def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
async def partial():
    g = with_finally()
    async for v in g:
        print("got", v)
        break
    await g.aclose()
    return "closed"
print(run(partial()))
async def asend_test():
    async def echo():
        while True:
            x = yield
            yield x * 2
    g = echo()
    await g.__anext__()
    r = await g.asend(21)
    await g.aclose()
    return r
print(run(asend_test()))
