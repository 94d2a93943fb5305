def naturals():
    n = 0
    while True:
        yield n
        n += 1
total = 0
for n in naturals():
    if n >= 300_000:
        break
    total += n
print(total)
print(sum(x for x in range(600_000) if x % 3 == 0))
def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
count = 0
last = None
for c in chunks(range(100_003), 1000):
    count += 1
    last = c
print(count, len(last), last[-1])
gens = [(i * j for j in range(10)) for i in range(1000)]
print(sum(sum(g) for g in gens))
