def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
e = echo()
next(e)
e.send("a")
e.send("b")
try:
    e.send("c")
except StopIteration as s:
    print(s.value)
def running_avg():
    n, total, avg = 0, 0.0, None
    while True:
        v = yield avg
        n += 1
        total += v
        avg = total / n
r = running_avg()
next(r)
print([r.send(v) for v in [10, 20, 60]])
