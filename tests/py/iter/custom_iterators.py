class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIter(self.limit)
class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
f = Fib(100)
print(list(f), list(f), sum(f), 55 in f, max(f))
class Peekable:
    def __init__(self, it):
        self.it = iter(it)
        self.buf = []
    def __iter__(self):
        return self
    def __next__(self):
        if self.buf:
            return self.buf.pop()
        return next(self.it)
    def peek(self, default=None):
        if not self.buf:
            try:
                self.buf.append(next(self.it))
            except StopIteration:
                return default
        return self.buf[-1]
p = Peekable("abc")
print(p.peek(), next(p), p.peek(), p.peek(), list(p), p.peek("end"))
class Chunked:
    def __init__(self, data, n): self.data, self.n = data, n
    def __iter__(self):
        for i in range(0, len(self.data), self.n):
            yield self.data[i:i + self.n]
print(list(Chunked("abcdefg", 3)), list(Chunked([1, 2, 3, 4], 2)))
a, b, c = Chunked("abcdefghi", 3)
print(a, b, c, [*Chunked(range(5), 2)])
