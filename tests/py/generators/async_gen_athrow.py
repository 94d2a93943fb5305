def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def agen():
    for i in range(5):
        try:
            yield i
        except ValueError as e:
            print("agen caught", e)
            yield -1
async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.athrow(ValueError("boom")))
    print(await g.__anext__())
    try:
        await g.athrow(KeyError("fatal"))
    except KeyError as e:
        print("propagated", repr(e))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after error")
    return "ok"
print(run(main()))
async def bad_agen():
    yield 1
    raise StopAsyncIteration
async def main2():
    out = []
    try:
        async for v in bad_agen():
            out.append(v)
    except RuntimeError as e:
        out.append(f"{type(e).__name__}: {e}")
    return out
print(run(main2()))
async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def main3():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        msg = str(e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return msg + " (then exhausted)"
print(run(main3()))
