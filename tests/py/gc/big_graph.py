import gc
import weakref
class V:
    __slots__ = ("edges", "id", "__weakref__")
    def __init__(self, i):
        self.id = i
        self.edges = []
def build(n):
    vs = [V(i) for i in range(n)]
    for i, v in enumerate(vs):
        v.edges.append(vs[(i * 7 + 1) % n])
        v.edges.append(vs[(i * 13 + 5) % n])
    return vs
alive_refs = []
total_edges = 0
for round_ in range(6):
    g = build(30000)
    total_edges += sum(len(v.edges) for v in g)
    alive_refs.append(weakref.ref(g[0]))
    del g
    gc.collect()
    print(round_, sum(1 for r in alive_refs if r() is not None))
print(total_edges)
