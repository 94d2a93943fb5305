# Dijkstra's shortest paths with a hand-written binary heap (no heapq).
class Heap:
    def __init__(self):
        self.a = []
    def __len__(self):
        return len(self.a)
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[i] < a[p]:
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i, n = 0, len(a)
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < n and a[l] < a[m]: m = l
                if r < n and a[r] < a[m]: m = r
                if m == i: break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    h = Heap()
    h.push((0, src))
    pops = 0
    while h:
        d, u = h.pop()
        pops += 1
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                h.push((nd, v))
    return dist, prev, pops
def path(prev, src, dst):
    out = [dst]
    while out[-1] != src:
        out.append(prev[out[-1]])
    return out[::-1]
small = {"A": [("B", 7), ("C", 9), ("F", 14)], "B": [("A", 7), ("C", 10), ("D", 15)], "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
         "D": [("B", 15), ("C", 11), ("E", 6)], "E": [("D", 6), ("F", 9)], "F": [("A", 14), ("C", 2), ("E", 9)], "Z": []}
dist, prev, pops = dijkstra(small, "A")
print(sorted(dist.items()), path(prev, "A", "E"), "Z" in dist, pops)
N = 60
grid = {}
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed
for r in range(N):
    for c in range(N):
        edges = []
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < N and 0 <= cc < N:
                edges.append(((rr, cc), 1 + rnd() % 9))
        grid[(r, c)] = edges
dist, prev, pops = dijkstra(grid, (0, 0))
p = path(prev, (0, 0), (N - 1, N - 1))
print(dist[(N - 1, N - 1)], len(p), p[:5], pops, max(dist.values()))
h = Heap()
for x in [5, 3, 8, 1, 9, 2, 7]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
