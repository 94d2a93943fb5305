class Nop:
    def __await__(self):
        return iter([])
async def work():
    await Nop()
    return "done"
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
c = work()
print(run(c))
try:
    run(c)
except RuntimeError as e:
    print(type(e).__name__, e)
async def awaiter(co):
    return await co
shared = work()
print(run(awaiter(shared)))
try:
    run(awaiter(shared))
except RuntimeError as e:
    print(type(e).__name__, e)
async def returns_none():
    pass
print(run(returns_none()))
print(type(work).__name__, work.__code__.co_flags & 0x80 != 0)
c2 = work()
print(c2.cr_running, c2.cr_await, c2.cr_frame is not None)
run(c2)
print(c2.cr_frame)
