# Objects found unreachable together are finalized newest first, which is
# the order reference counting gives for nested structures (the outer
# object, made last, first) and for a list's items (last to first).
import gc
from collections import OrderedDict

deleted = []


class Node:
    def __init__(self, i, inner):
        self.i = i
        self.inner = inner

    def __del__(self):
        deleted.append(self.i)


obj = None
for i in range(20):
    obj = Node(i, obj)
del obj
gc.collect()
print(deleted)

deleted.clear()


class MyOD(OrderedDict):
    def __del__(self):
        deleted.append(self.i)


obj = None
for i in range(10):
    obj = MyOD([(None, obj)])
    obj.i = i
del obj
gc.collect()
print(deleted)

deleted.clear()
items = [Node(i, None) for i in range(8)]
del items
gc.collect()
print(deleted)
