# asyncio.run with tasks, gather, sleep, Queue, wait_for, wait, events,
# locks, cancellation, exceptions in tasks, async generators and context vars.
import asyncio, contextvars

async def work(n, d):
    await asyncio.sleep(d)
    return n * 2

var = contextvars.ContextVar('var', default='unset')

async def main():
    print(await asyncio.gather(work(1, 0.02), work(2, 0.01), work(3, 0)))  # in argument order
    order = []
    async def tick(name, rounds):
        for _ in range(rounds):
            await asyncio.sleep(0)
        order.append(name)
    await asyncio.gather(tick('c', 3), tick('a', 1), tick('b', 2))
    print(order)

    q = asyncio.Queue(maxsize=2)
    async def prod():
        for i in range(6):
            await q.put(i)
        await q.put(None)
    async def cons():
        out = []
        while (x := await q.get()) is not None:
            out.append(x)
            q.task_done()
        return out
    _, got = await asyncio.gather(prod(), cons())
    print(got, q.qsize())

    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except asyncio.TimeoutError as e:
        print('wait_for timed out', type(e).__name__)
    print(await asyncio.wait_for(work(4, 0), 1))

    t = asyncio.create_task(work(5, 0), name='five')
    print(t.get_name(), await t, t.done(), t.result())

    async def forever():
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            print('cancelled inside')
            raise
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled', t.cancelled())

    async def boom():
        raise ValueError('boom')
    r = await asyncio.gather(boom(), work(6, 0), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in r])
    try:
        await asyncio.gather(boom())
    except ValueError as e:
        print('gather raised', e)

    done, pending = await asyncio.wait([asyncio.create_task(work(i, i * 10)) for i in range(3)],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending:
        p.cancel()
    print([type(r).__name__ for r in await asyncio.gather(*pending, return_exceptions=True)])

    ev = asyncio.Event()
    lock = asyncio.Lock()
    log = []
    async def waiter(i):
        await ev.wait()
        async with lock:
            log.append(i)
            await asyncio.sleep(0)
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    ev.set()
    await asyncio.gather(*ws)
    print(log, lock.locked())

    sem = asyncio.Semaphore(2)
    active, peak = 0, 0
    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1
    await asyncio.gather(*(limited() for _ in range(5)))
    print('peak', peak)

    async def agen(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i * i
    print([x async for x in agen(4)])

    var.set('main')
    async def child():
        return var.get()
    print(await asyncio.create_task(child()), var.get())

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'from call_later')
    print(await fut)
    loop.call_soon(lambda: order.append('soon'))
    await asyncio.sleep(0)
    print(order[-1])
    print(await asyncio.shield(work(7, 0)))
    print(asyncio.iscoroutinefunction(work), asyncio.iscoroutinefunction(print))

    async with asyncio.timeout(1) if hasattr(asyncio, 'timeout') else asyncio.Lock():
        pass
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout context')
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work(8, 0.01))
        t2 = tg.create_task(work(9, 0))
    print(t1.result(), t2.result())
    return 'main done'

print(asyncio.run(main()))
print(asyncio.run(work(10, 0)))
