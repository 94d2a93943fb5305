# Tracebacks through _asyncio's Future and Task show no frames of the module
# (CPython's are C functions): awaiting a failed future or task, result() of
# a failed future, a cancelled task, and an uncaught error out of asyncio.run.
import asyncio, traceback


def show(exc):
    for line in traceback.format_exception(exc):
        print(line.rstrip().replace(__file__, "FILE"))


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError("failed in a task")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, KeyError("set on a future"))
    try:
        await fut
    except KeyError as e:
        show(e)
    try:
        fut.result()
    except KeyError as e:
        show(e)
    try:
        await asyncio.create_task(fail(0))
    except ValueError as e:
        show(e)
    task = asyncio.create_task(fail(1))
    await asyncio.sleep(0)
    task.cancel("stop")
    try:
        await task
    except asyncio.CancelledError as e:
        show(e)
    done = loop.create_future()
    done.set_result(1)
    try:
        done.set_result(2)
    except asyncio.InvalidStateError as e:
        show(e)
    await fail(0)


asyncio.run(main())
