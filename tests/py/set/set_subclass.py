class TrackingSet(set):
    def add(self, x):
        print("adding", x)
        super().add(x)
t = TrackingSet([1, 2])
t.add(3)
t |= {4}
t.update([5])
print(sorted(t), type(t).__name__, type(t | {9}).__name__, type(t.copy()).__name__)
class FS(frozenset):
    def __repr__(self):
        return "FS(" + ",".join(map(str, sorted(self))) + ")"
f = FS([3, 1])
print(f, type(f & {1}).__name__, hash(f) == hash(frozenset([1, 3])), f == {1, 3}, {f: 1}[frozenset({1, 3})])
class Ordered(set):
    def __iter__(self):
        return iter(sorted(super().__iter__()))
print(list(Ordered([3, 1, 2])), [x for x in Ordered("cab")])
