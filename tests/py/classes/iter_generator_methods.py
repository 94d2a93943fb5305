class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
    def depth_first(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.depth_first(depth + 1)
    def __len__(self):
        return 1 + sum(len(k) for k in self.kids)
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t), len(t), max(t), 6 in t)
for d, v in t.depth_first():
    print("  " * d + str(v))
it = iter(t)
print(next(it), next(it), list(it))
class Matrix:
    def __init__(self, rows): self.rows = rows
    def __iter__(self):
        return (x for row in self.rows for x in row)
    def columns(self):
        return zip(*self.rows)
m = Matrix([[1, 2], [3, 4]])
print(list(m), list(m.columns()), sum(m))
