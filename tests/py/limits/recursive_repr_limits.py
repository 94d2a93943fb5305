l = [1]
l.append(l)
d = {"k": l}
l.append(d)
print(l, d)
s = {"a": []}
s["a"].append(s["a"])
print(s)
class Node:
    def __init__(self): self.child = self
    def __repr__(self): return f"Node({self.child!r})"
try:
    repr(Node())
except RecursionError as e:
    print(type(e).__name__, e)
nested = []
cur = nested
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    repr(nested)
except RecursionError as e:
    print(type(e).__name__, e)
other = []
cur = other
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    nested == other
except RecursionError as e:
    print(type(e).__name__, e)
shallow = [[[[1]]]]
print(shallow == [[[[1]]]], repr(shallow))
