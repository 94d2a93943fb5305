def gen(a, b=2, *rest, k):
    yield a
    yield b
    yield rest
    yield k
print(list(gen(1, k=4)))
print(list(gen(1, 2, 3, 4, k=5)))
try:
    gen(1)
except TypeError as e:
    print(e)
try:
    gen()
except TypeError as e:
    print(e)
g = gen(0, k=0)
print(type(g).__name__, g.__name__, g.__qualname__)
async def coro(x, y):
    return x + y
try:
    coro(1)
except TypeError as e:
    print(e)
c = coro(1, 2)
try:
    c.send(None)
except StopIteration as s:
    print("result", s.value)
