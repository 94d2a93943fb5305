class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, o):
        return isinstance(o, Key) and self.name == o.name
    def __repr__(self):
        return self.name
keys = [Key(f"k{i}", i % 3) for i in range(12)]
d = {}
for i, k in enumerate(keys):
    d[k] = i
print(len(d), [d[Key(f"k{i}", i % 3)] for i in range(12)])
for k in keys[::2]:
    del d[k]
print(list(d), Key("k1", 1) in d, Key("k0", 0) in d)
s = set(keys)
print(len(s), sorted(s, key=lambda k: k.name)[:4])
class Eq(Key):
    pass
print(Key("x", 5) == Eq("x", 5), {Key("x", 5): 1}.get(Eq("x", 5)))
class CountEq:
    calls = 0
    def __init__(self, v): self.v = v
    def __hash__(self): return 0
    def __eq__(self, o):
        CountEq.calls += 1
        return self.v == o.v
cs = {CountEq(i) for i in range(10)}
print(len(cs), CountEq.calls > 0)
