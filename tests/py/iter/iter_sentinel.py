data = [3, 1, 4, 1, 5, 9, 2, 6]
pos = 0
def next_item():
    global pos
    pos += 1
    return data[pos - 1]
print(list(iter(next_item, 9)))
counter = iter(lambda c=[0]: c.append(c[-1] + 1) or c[-1], 5)
print(list(counter))
lines = iter(["line1", "line2", "", "after blank"])
print(list(iter(lambda: next(lines), "")))
it = iter(int, 1)
print(next(it), next(it))
class Reader:
    def __init__(self, chunks): self.chunks = list(chunks)
    def read(self):
        return self.chunks.pop(0) if self.chunks else b""
r = Reader([b"ab", b"cd", b"e"])
print(b"".join(iter(r.read, b"")))
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
def raiser():
    raise StopIteration
print(list(iter(raiser, None)))
ci = iter(lambda: 1, 2)
print(type(ci).__name__, next(ci))
