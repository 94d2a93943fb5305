# set/frozenset subclasses with __slots__ pickle their slot values
# (__reduce__ uses __getstate__); dict.fromkeys of a dict, set or frozenset
# reuses the stored hashes.
import pickle


class S(set):
    __slots__ = ('x', 'y', '__dict__')

class F(frozenset):
    __slots__ = ('x', 'y', '__dict__')

for cls in (S, F):
    s = cls("abc")
    s.x = ['x']
    s.z = ['z']
    r = s.__reduce__()
    print(cls.__name__, r[0].__name__, sorted(r[1][0]), r[2])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        d = pickle.loads(pickle.dumps(s, proto))
        assert d == s and d.x == ['x'] and d.z == ['z'] and not hasattr(d, 'y'), proto
print(set("ab").__reduce__()[2])


class H(int):
    def __init__(self, *args):
        self.hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)

d = dict.fromkeys(map(H, range(10)))
count = lambda: sum(e.hash_count for e in d)
print(count())
for thetype in (set, frozenset):
    s = thetype(d)
    s.difference(d)
    if hasattr(s, 'symmetric_difference_update'):
        s.symmetric_difference_update(d)
    dict.fromkeys(set(d))
    dict.fromkeys(frozenset(d))
    d3 = dict.fromkeys(frozenset(d), 123)
    print(thetype.__name__, count(), d3 == dict.fromkeys(d, 123))
