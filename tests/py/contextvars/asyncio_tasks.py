# contextvars under asyncio: each task runs in a copy of the context it was
# created in, values set in a task stay there, call_soon takes a context,
# and a Context is entered once at a time.
import asyncio
import contextvars

request = contextvars.ContextVar('request', default='none')
log = []

async def handler(name, delay):
    request.set(name)
    await asyncio.sleep(delay)
    log.append((name, request.get()))
    return request.get()

async def main():
    request.set('main')
    results = await asyncio.gather(handler('a', 0.02), handler('b', 0.01), handler('c', 0))
    print(results, request.get())
    print(sorted(log))

    ctx = contextvars.copy_context()
    ctx.run(request.set, 'in ctx')
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(lambda: fut.set_result(request.get()), context=ctx)
    print(await fut, request.get())

    task = asyncio.create_task(handler('d', 0), context=ctx)
    print(await task, ctx[request], request.get())

    def reenter():
        try:
            ctx.run(lambda: None)
        except RuntimeError as e:
            return str(e).split(' at 0x')[0]
    print(ctx.run(reenter))

    async def child():
        return request.get()
    request.set('parent value')
    print(await asyncio.create_task(child()))

asyncio.run(main())
print(request.get())
