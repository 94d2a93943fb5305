# `yield from` and `await` delegating to an iterator written in Python: the
# value of the StopIteration its __next__ or send raises is the result of
# the delegation (asyncio's FutureIter is such an iterator in Pyrite).


class Counter:
    def __init__(self, n, result):
        self.n = n
        self.result = result

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration(self.result)
        self.n -= 1
        return self.n

    def send(self, value):
        print("  send", value)
        return self.__next__()


def delegate(it):
    result = yield from it
    print("  result", repr(result))
    return result


for n, value in ((0, 5), (2, "done"), (1, (1, 2)), (1, None), (0, StopIteration(3))):
    print("yield from", n, repr(value))
    g = delegate(Counter(n, value))
    try:
        while True:
            print("  yielded", g.send(None))
    except StopIteration as e:
        print("  returned", repr(e.value))

print("send values")
g = delegate(Counter(2, "x"))
print("  yielded", next(g))
try:
    while True:
        print("  yielded", g.send(10))
except StopIteration as e:
    print("  returned", repr(e.value))


class Plain:
    # A __next__ that ends without a value.
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


g = delegate(Plain())
try:
    next(g)
except StopIteration as e:
    print("plain", repr(e.value))


class Awaitable:
    def __init__(self, n, result):
        self.n = n
        self.result = result

    def __await__(self):
        return Counter(self.n, self.result)


async def main():
    a = await Awaitable(0, "immediate")
    b = await Awaitable(2, [1, 2])
    return a, b


c = main()
try:
    while True:
        print("coroutine yielded", c.send(None))
except StopIteration as e:
    print("coroutine returned", e.value)


class Sub(Counter):
    pass


g = delegate(Sub(1, "sub"))
print("sub yielded", next(g))
try:
    next(g)
except StopIteration as e:
    print("sub returned", repr(e.value))
