# A stored key's __eq__ that mutates the dict (or set) during a lookup:
# CPython restarts the lookup in the changed table, so the comparisons made
# (printed), the result and the final contents are deterministic.
class K:
    def __init__(self, name, h, action=None):
        self.name, self.h, self.action = name, h, action
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print("eq", self.name, getattr(other, "name", other))
        if self.action:
            act, self.action = self.action, None
            act()
        return self is other or (isinstance(other, K) and other.name == self.name)
    def __repr__(self):
        return self.name

def show(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

def fresh(action_of):
    d = {}
    a = K("a", 1)
    d[a] = 1
    a.action = action_of(d)
    return d

def grow(d):
    def act():
        for i in range(20): d[i] = i
    return act
def shrink(d):
    def act():
        for i in range(20): d[i] = i
        for i in range(20): del d[i]
    return act
def clear(d):
    return d.clear
def replace(d):
    def act():
        d.clear()
        d[K("a", 1)] = 5
    return act
def add_same_hash(d):
    def act():
        d[K("c", 1)] = 3
    return act

for name, mut in [("grow", grow), ("shrink", shrink), ("clear", clear), ("replace", replace), ("same-hash", add_same_hash)]:
    for op, fn in [("set new", lambda d: d.__setitem__(K("b", 1), 2)),
                   ("set equal", lambda d: d.__setitem__(K("a", 1), 2)),
                   ("get", lambda d: d[K("a", 1)]),
                   ("get missing", lambda d: d[K("b", 1)]),
                   ("in", lambda d: K("a", 1) in d),
                   ("get()", lambda d: d.get(K("b", 1), "dflt")),
                   ("pop", lambda d: d.pop(K("a", 1), "dflt")),
                   ("del", lambda d: d.__delitem__(K("a", 1))),
                   ("update", lambda d: d.update({K("b", 1): 8})),
                   ("fromkeys-like", lambda d: dict.fromkeys([K("a", 1)]))]:
        d = fresh(mut)
        show(name + " / " + op, lambda: fn(d))
        print("  ", len(d), sorted(repr(k) for k in d))
# sets
for name in ("clear", "grow"):
    s = set()
    a = K("a", 1)
    s.add(a)
    if name == "clear":
        a.action = s.clear
    else:
        def act(s=s):
            for i in range(20): s.add(i)
        a.action = act
    show("set " + name + " / add", lambda: s.add(K("b", 1)))
    print("  ", len(s), sorted(repr(k) for k in s))
# an __eq__ that always mutates: CPython restarts each time; bounded here by a counter
d = {}
count = [0]
class Evil:
    def __hash__(self): return 1
    def __eq__(self, other):
        count[0] += 1
        if count[0] < 50:
            d[count[0] + 1000] = 0
            del d[count[0] + 1000]
        return False
d[Evil()] = 1
d[Evil()] = 2
print("evil", len(d), count[0])
