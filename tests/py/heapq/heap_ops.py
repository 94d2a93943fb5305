# _heapq through heapq.py: results, the exact arrangement of the heap,
# comparison order, mutation during comparison, and CPython's messages.
import heapq, _heapq

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(heapq.heappush is _heapq.heappush, heapq.heappush.__module__, heapq.heapify.__name__)
print(sorted(n for n in dir(_heapq) if not n.startswith('__')))

def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed

g = lcg(7)
data = [next(g) % 100 for _ in range(60)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))] == sorted(data))
h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 50), heapq.heappushpop(h, 3), heapq.heappushpop(h, 99), h[:10])
big = [next(g) % 1000 for _ in range(3000)]
hb = list(big)
heapq.heapify(hb)
print(hb[:20], hb[-5:], sum(i * v for i, v in enumerate(hb)))
hm = list(big)
heapq._heapify_max(hm)
print(hm[:20], sum(i * v for i, v in enumerate(hm)))
hm2 = list(data)
heapq._heapify_max(hm2)
print(hm2, heapq._heappop_max(hm2), heapq._heapreplace_max(hm2, 1), hm2[:8])
print(heapq.nsmallest(5, data), heapq.nlargest(5, data), list(heapq.merge([1, 4, 9], [2, 3, 10])))
print(heapq.nsmallest(3, data, key=lambda v: -v), heapq.nlargest(3, ['a', 'bbb', 'cc'], key=len))

# Stability of equal keys: the arrangement follows CPython's comparisons.
class K:
    def __init__(self, k, tag): self.k, self.tag = k, tag
    def __lt__(self, o): return self.k < o.k
    def __repr__(self): return '%d%s' % (self.k, self.tag)
items = [K(i % 3, chr(97 + i)) for i in range(12)]
h = list(items)
heapq.heapify(h)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)

# The comparisons made, in order.
log = []
class L:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
h = [L(v) for v in [5, 3, 8, 1, 9, 2, 7]]
heapq.heapify(h)
print(log); log.clear()
heapq.heappush(h, L(0))
print(log); log.clear()
heapq.heappop(h)
print(log); log.clear()
heapq.heappushpop(h, L(4))
print(log); log.clear()
heapq.heapreplace(h, L(6))
print(log); log.clear()
print([x.v for x in h])

# Errors.
t(heapq.heappush)
t(heapq.heappush, [], 1, 2)
t(heapq.heappush, (), 1)
t(heapq.heappush, [1], 1, x=2)
t(heapq.heappop)
t(heapq.heappop, [])
t(heapq.heappop, ())
t(heapq.heappop, [], 1)
t(heapq.heapify)
t(heapq.heapify, ())
t(heapq.heapify, None)
t(heapq.heapreplace, [], 1)
t(heapq.heapreplace, (), 1)
t(heapq.heapreplace, [1])
t(heapq.heappushpop, [], 1)
t(heapq.heappushpop, (), 1)
t(heapq._heappop_max, [])
t(heapq._heapify_max, ())
t(heapq._heapreplace_max, [], 1)
t(heapq.heappush, [1], 'a')
h = [1, 2]
t(heapq.heappush, h, 'a')
print(h)
t(heapq.heapify, [3, 'a', 1])

# A comparison that changes the list.
class Evil:
    def __init__(self, h): self.h = h
    def __lt__(self, o):
        self.h.clear()
        return True
h = [1, 2, 3]
e = Evil(h)
h.append(e)
t(heapq.heappush, h, Evil(h))
print(len(h))
h = [Evil(None) for _ in range(4)]
for x in h: x.h = h
t(heapq.heapify, h)
print(len(h))
h = [2, 1]
class Grow:
    def __lt__(self, o):
        h.append(0)
        return False
h = [Grow(), Grow(), Grow()]
t(heapq.heappop, h)
print(len(h))
class MyList(list):
    def pop(self, *a): raise RuntimeError('no')
ml = MyList([3, 1, 2])
heapq.heapify(ml)
print(ml, heapq.heappop(ml), ml, type(ml).__name__)
