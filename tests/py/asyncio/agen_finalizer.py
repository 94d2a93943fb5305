# The async generator finalizer hook: an unfinished async generator that is
# collected is handed to sys.set_asyncgen_hooks' finalizer (asyncio schedules its
# aclose()), after its first step, whether or not it ever ran.
import asyncio, gc, sys
log = []
async def agen(name):
    try:
        for i in range(10):
            yield i
    finally:
        log.append(name + ' cleanup')

async def main():
    async for x in agen('broken'):
        if x == 2:
            break
    gc.collect()
    for _ in range(3):
        await asyncio.sleep(0)
    log.append('after collect')
    g = agen('left open')
    await g.__anext__()
    log.append('main done')

asyncio.run(main())
print(log)
seen = []
sys.set_asyncgen_hooks(firstiter=None, finalizer=lambda g: seen.append(g.__name__))
async def ag():
    yield 1
def drive():
    g = ag()
    try:
        g.__anext__().send(None)
    except StopIteration:
        pass
drive()
gc.collect()
print(seen)
def drive2():
    g = ag()
    g.__anext__()   # never started: the hook was taken at the first step anyway
drive2()
gc.collect()
print(seen)
sys.set_asyncgen_hooks(None, None)
