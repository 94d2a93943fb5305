# gc.collect() called from every kind of place: from code that native
# frames are running (sort keys, map, join, dict lookups, __init__,
# __getitem__ from list(), generators, __del__, class bodies). Whatever
# those native frames hold must survive; objects that only stale words
# could hold must be finalized. Output from CPython 3.11.
import gc

log = []


class Tracked:
    def __init__(self, name):
        self.name = name
        self.payload = [name] * 3

    def __del__(self):
        log.append(self.name)

    def __repr__(self):
        return "Tracked(%s)" % self.name


def key(x):
    gc.collect()
    return -x


print(sorted([Tracked(i).name for i in range(5)], key=key))
print(sorted(range(6), key=lambda x: (gc.collect(), x % 3)[1]))
print(list(map(lambda x: (gc.collect(), [x] * 2)[1], range(3))))
print("-".join(str((gc.collect(), i)[1]) for i in range(4)))
print([(gc.collect(), Tracked("c%d" % i).payload)[1] for i in range(3)])


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        gc.collect()
        return hash(self.k)

    def __eq__(self, other):
        gc.collect()
        return isinstance(other, Key) and self.k == other.k


d = {Key(i): [i, str(i)] for i in range(4)}
print(sorted(v[1] for v in d.values()), d[Key(2)], Key(3) in d)


class Init:
    def __init__(self, *parts):
        self.parts = [Tracked(p) for p in parts]
        gc.collect()
        self.total = "".join(t.name for t in self.parts)


print(Init("a", "b", "c").total, [t.name for t in Init("x", "y").parts])


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        gc.collect()
        return ("item", i, [i] * i)


print(list(Seq()), tuple(Seq())[3])


def gen(n):
    for i in range(n):
        gc.collect()
        yield {"i": i, "sq": [i * i]}


print(list(gen(3)), sum(x["i"] for x in gen(4)))


class Holder:
    def __del__(self):
        gc.collect()
        log.append("holder")


h = Holder()
del h
gc.collect()


class Body:
    items = [Tracked("body%d" % i) for i in range(2)]
    gc.collect()
    names = [t.name for t in items]


print(Body.names)
collect = gc.collect
collect()
gc.collect(generation=2)
gc.collect(*[])
gc.collect(**{})
print(gc.collect.__name__, type(gc.collect()).__name__)


class Prop:
    @property
    def value(self):
        gc.collect()
        return [1, 2, 3]


print(Prop().value, [Prop().value for _ in range(2)])
s = {frozenset([i, i + 1]) for i in range(3)}
print(sorted(sorted(x) for x in s))
try:
    sorted([3, 1, 2], key=lambda x: 1 / (x - 2) if gc.collect() is not None else 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
del d
gc.collect()
print(sorted(str(x) for x in log))
