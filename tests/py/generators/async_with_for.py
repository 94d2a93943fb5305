class Step:
    def __await__(self):
        yield "step"
class AsyncCM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        await Step()
        print("aenter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Step()
        print("aexit", self.name, et.__name__ if et else None)
        return et is KeyError
class Counter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        await Step()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
def run(c):
    steps = 0
    try:
        while True:
            c.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
async def main():
    async with AsyncCM("a") as x:
        print("inside", x)
    async with AsyncCM("b"):
        raise KeyError("suppressed")
    try:
        async with AsyncCM("c"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    total = 0
    async for v in Counter(4):
        total += v
    else:
        print("async for else")
    return total
print(run(main()))
async def bad_with():
    async with AsyncCM.__init__:
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
async def bad_for():
    async for _ in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print(type(e).__name__, e)
