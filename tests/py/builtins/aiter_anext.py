class Tick:
    def __await__(self):
        yield "tick"
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    it = aiter(agen(3))
    a = await anext(it)
    b = await anext(it)
    c = await anext(it)
    d = await anext(it, "default")
    try:
        await anext(it)
    except StopAsyncIteration:
        e = "StopAsyncIteration"
    return a, b, c, d, e
print(run(main()))
class ARange:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main2():
    r = ARange(2)
    return [await anext(r), await anext(r), await anext(r, "end")]
print(run(main2()))
try:
    aiter([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    anext([1])
except TypeError as e:
    print(type(e).__name__, e)
