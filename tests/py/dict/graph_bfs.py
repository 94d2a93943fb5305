graph = {
    "A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F", "G"], "F": ["H"], "G": ["H"], "H": [], "X": ["Y"], "Y": []
}
def bfs(start):
    dist = {start: 0}
    parent = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in graph[node]:
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                parent[nxt] = node
                queue.append(nxt)
    return dist, parent
dist, parent = bfs("A")
print(dist)
def path(to):
    out = []
    while to is not None:
        out.append(to)
        to = parent[to]
    return out[::-1]
print(path("H"), path("G"), "X" in dist)
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    order = []
    ready = sorted(n for n, d in indeg.items() if d == 0)
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return order
print(topo(graph))
rev = {}
for n, outs in graph.items():
    for m in outs:
        rev.setdefault(m, []).append(n)
print(dict(sorted(rev.items())))
