import gc
log = []
class Link:
    def __init__(self, n, nxt=None):
        self.n = n
        self.next = nxt
    def __del__(self):
        log.append(self.n)
head = None
for i in range(10):
    head = Link(i, head)
del head
gc.collect()
print(sorted(log), len(log))
log.clear()
holder = {"x": Link("in dict")}
holder.clear()
gc.collect()
print(log)
log.clear()
lst = [Link(f"l{i}") for i in range(3)]
lst[1:] = []
gc.collect()
print(sorted(log), [x.n for x in lst])
