import gc
import weakref
class Box:
    pass
l = []
l.append(l)
d = {}
d["me"] = d
b = Box()
b.me = b
b.items = [b, l, d]
wb = weakref.ref(b)
print(l[0] is l, d["me"] is d, b.items[0] is b, wb() is b)
print(l, d)
del l, d, b
gc.collect()
print(wb())
boxes = []
for i in range(1000):
    x = Box()
    x.self = x
    x.data = list(range(10))
    boxes.append(weakref.ref(x))
del x
gc.collect()
print(sum(1 for r in boxes if r() is not None))
class Tree:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent:
            parent.children.append(self)
root = Tree()
for _ in range(3):
    child = Tree(root)
    for _ in range(3):
        Tree(child)
wr = weakref.ref(root.children[1].children[2])
del root, child
gc.collect()
print(wr())
