class Val:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield
        return self.v
async def double(x):
    return await Val(x * 2)
async def agen(n):
    for i in range(n):
        yield await Val(i)
def run(c):
    n = 0
    try:
        while True:
            c.send(None)
            n += 1
    except StopIteration as e:
        return e.value, n
async def main():
    a = [await double(i) for i in range(3)]
    b = [x async for x in agen(4) if x % 2 == 0]
    c = {x: await double(x) async for x in agen(3)}
    d = {x async for x in agen(3)}
    e = [y for y in [await Val(7)]]
    g = (x async for x in agen(2))
    f = [v async for v in g]
    return a, b, c, sorted(d), e, f
print(run(main()))
