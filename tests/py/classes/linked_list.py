class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next
class LinkedList:
    def __init__(self, it=()):
        self.head = None
        self.size = 0
        for v in reversed(list(it)):
            self.push(v)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self): return self.size
    def __repr__(self): return "LL[" + " -> ".join(map(repr, self)) + "]"
    def __getitem__(self, i):
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")
    def reverse(self):
        prev, n = None, self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev
        return self
    def __eq__(self, o):
        return list(self) == list(o)
ll = LinkedList([1, 2, 3])
print(ll, len(ll), ll[1], 3 in ll, list(ll))
print(ll.reverse(), ll == [3, 2, 1], ll == LinkedList([3, 2, 1]))
try:
    ll[10]
except IndexError as e:
    print(type(e).__name__, e)
big = LinkedList(range(10000))
print(len(big), sum(big), big[9999])
