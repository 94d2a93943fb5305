# collections.OrderedDict (the pure-Python class of collections/__init__.py
# when _collections has no OrderedDict): order, move_to_end, popitem,
# equality, reprs, views, copies, | operators, errors. (Not here: view
# reprs and mutation during iteration, where the pure-Python class differs
# from CPython's C one; docs/modules.md.)
import collections
from collections import OrderedDict

def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

print(OrderedDict.__module__)
od = OrderedDict()
for k in 'dbca':
    od[k] = ord(k)
print(od, list(od), list(od.values()), list(od.items()))
od.move_to_end('b')
od.move_to_end('a', last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
od['z'] = 0
od['d'] = 100          # existing key keeps its place
print(list(od.items()))
del od['c']
print(od, len(od), 'c' in od, 'd' in od)
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
t('move missing', lambda: od.move_to_end('nope'))
t('popitem empty', lambda: OrderedDict().popitem())
t('del missing', lambda: od.__delitem__('nope'))
t('pop missing', lambda: od.pop('nope'))
print(od.pop('nope', 'dflt'), od.pop('z'), od)
print(od.setdefault('n', 1), od.setdefault('n', 2), od)

a = OrderedDict([(1, 'a'), (2, 'b')])
b = OrderedDict([(2, 'b'), (1, 'a')])
print(a == b, dict(a) == dict(b), a == {1: 'a', 2: 'b'}, {2: 'b', 1: 'a'} == a, a != b)
c = a.copy()
c[3] = 'c'
print(a, c, type(c).__name__)
print(OrderedDict.fromkeys('xyz'), OrderedDict.fromkeys('ab', 0))
u = a | {3: 'c', 1: 'A'}
print(type(u).__name__, u)
u = {0: 'z'} | a
print(type(u).__name__, u)
a |= [(9, 'i')]
print(a)
a.update({5: 'e'}, six=6)
print(a)
a.clear()
print(a, repr(OrderedDict()))
r = OrderedDict(x=1)
r['self'] = r
print(r)
print(OrderedDict([('k', [1, 2])]).__reduce__()[0].__name__)
k = OrderedDict.fromkeys('abc')
print(list(k.keys()), list(k.values()), list(k.items()), len(k.keys()), 'a' in k.keys())
print(k.keys() & {'a', 'q'}, sorted(k.keys() | {'q'}))

# an LRU cache on move_to_end / popitem(last=False)
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size
    def get(self, key):
        if key not in self:
            return None
        self.move_to_end(key)
        return self[key]
    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.size:
            print('  evict', self.popitem(last=False))
lru = LRU(2)
lru.put('a', 1); lru.put('b', 2); lru.get('a'); lru.put('c', 3); lru.put('d', 4)
print(list(lru.items()), lru.get('b'), lru.get('c'))
