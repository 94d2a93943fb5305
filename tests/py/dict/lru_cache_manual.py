class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = {}
        self.hits = self.misses = 0
    def get(self, k):
        if k in self.data:
            v = self.data.pop(k)
            self.data[k] = v
            self.hits += 1
            return v
        self.misses += 1
        return None
    def put(self, k, v):
        if k in self.data:
            self.data.pop(k)
        elif len(self.data) >= self.cap:
            oldest = next(iter(self.data))
            del self.data[oldest]
            print("evict", oldest)
        self.data[k] = v
c = LRU(3)
for op in ["put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put e 5", "get a", "get d", "put c 33"]:
    parts = op.split()
    if parts[0] == "put":
        c.put(parts[1], int(parts[2]))
    else:
        print("get", parts[1], "->", c.get(parts[1]))
    print("  order:", list(c.data))
print(c.hits, c.misses, c.data)
def memo_fib():
    cache = LRU(50)
    def fib(n):
        if n < 2:
            return n
        v = cache.get(n)
        if v is None:
            v = fib(n - 1) + fib(n - 2)
            cache.put(n, v)
        return v
    return fib, cache
fib, cache = memo_fib()
print(fib(40), cache.hits, cache.misses, len(cache.data))
