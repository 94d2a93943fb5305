class Small:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a
        self.b = b
total = 0
last = None
for i in range(2_000_000):
    s = Small(i, last)
    if i % 1000 == 0:
        last = None
    else:
        last = s
    total += s.a & 7
print(total)
count = 0
for i in range(100_000):
    t = (i, [i], {"k": i})
    count += len(t[1]) + len(t[2])
print(count)
