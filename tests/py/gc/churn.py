total = 0
for i in range(200_000):
    words = [str(i), "x" * (i % 10), f"{i:05d}"]
    d = {w: len(w) for w in words}
    total += sum(d.values())
print(total)
acc = []
for i in range(50_000):
    acc.append((i, str(i)))
    if len(acc) > 100:
        acc = acc[50:]
print(len(acc), acc[-1])
s = ""
for i in range(20_000):
    s = (s + str(i))[-100:]
print(len(s), s[-10:])
