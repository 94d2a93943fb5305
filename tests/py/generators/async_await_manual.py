class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for i in range(self.ticks):
            got = yield ("sleep", i)
        return f"slept {self.ticks}"
async def child(n):
    r = await Sleep(n)
    return r + f" in child {n}"
async def parent():
    a = await child(2)
    b = await child(1)
    return [a, b]
coro = parent()
print(type(coro).__name__, coro.__name__, coro.__qualname__)
step = 0
value = None
try:
    while True:
        yielded = coro.send(value)
        step += 1
        print("step", step, "yielded", yielded)
        value = f"resume{step}"
except StopIteration as e:
    print("result", e.value)
async def noawait():
    return 42
c = noawait()
try:
    c.send(None)
except StopIteration as e:
    print("immediate", e.value)
async def bad():
    await 5
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
class BadAwait:
    def __await__(self):
        return 5
async def bad2():
    await BadAwait()
try:
    bad2().send(None)
except TypeError as e:
    print(type(e).__name__, e)
c = noawait()
c.close()
print("closed without running")
