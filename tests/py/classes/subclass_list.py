class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list))
print(type(s + [5]).__name__, type(s[1:]).__name__, type(s * 2).__name__)
class Logged(list):
    def append(self, v):
        print("append", v)
        super().append(v)
    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)
l = Logged()
l.append(1)
l.extend([2, 3])
l[0] = 10
l += [4]
print(l, repr(l))
class Sorted(list):
    def __init__(self, it=()):
        super().__init__(sorted(it))
    def __repr__(self):
        return "Sorted(" + super().__repr__() + ")"
print(Sorted([3, 1, 2]), Sorted() == [], Sorted([1]) == [1])
class WithAttrs(list):
    pass
w = WithAttrs([1])
w.meta = "m"
print(w, w.meta, vars(w))
class GetItem(list):
    def __getitem__(self, i):
        return ("custom", super().__getitem__(i))
g = GetItem([5, 6])
print(g[0], list(g), [x for x in g])
