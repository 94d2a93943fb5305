import gc
log = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        log.append(self.name)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
gc.collect()
print(sorted(log))
log.clear()
ring = [Node(f"r{i}") for i in range(5)]
for i, n in enumerate(ring):
    n.other = ring[(i + 1) % 5]
del ring, n
gc.collect()
print(sorted(log))
log.clear()
s = Node("self")
s.other = s
del s
gc.collect()
print(log)
log.clear()
keep = Node("kept")
keep.other = keep
gc.collect()
print(log, keep.name)
