# defaultdict: the factory, __missing__, dict behaviour, copies, reduce,
# reprs (recursive ones too), | operators, subclasses; _count_elements and
# _tuplegetter from the same module.
from _collections import defaultdict, _count_elements, _tuplegetter

def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d, len(d), d.default_factory)
print(d['zz'], d)
print(d.get('missing'), 'missing' in d, d.setdefault('s', 5), d.pop('s'))
print(sorted(d.keys()), list(d.values()), list(d.items()))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c['z'], len(c))
n = defaultdict()
print(n, n.default_factory)
t('missing no factory', lambda: n['k'])
t('missing tuple key', lambda: n[(1, 2)])
n2 = defaultdict(None, {'x': 1}, y=2)
print(n2, n2.default_factory)
t('missing None', lambda: n2['q'])
print(defaultdict(lambda: 'dflt')['k'])
print(defaultdict(str, [('a', 'b')]), defaultdict(int, a=1), defaultdict(list, {1: [2]}, b=[3]))
print(defaultdict(x=1), defaultdict(default_factory=list))

# the factory attribute
d = defaultdict(set)
d.default_factory = dict
print(d['x'], d.default_factory)
d.default_factory = 5          # not checked on assignment
t('call non-callable', lambda: d['y'])
del d.default_factory
print(d.default_factory)
t('missing after del', lambda: d['y'])
d.default_factory = None
print(d)

# __missing__ directly
d = defaultdict(list)
print(d.__missing__('m'), d)
t('missing no arg', lambda: d.__missing__())
t('missing 2 args', lambda: d.__missing__(1, 2))

# errors
t('bad factory', lambda: defaultdict(1))
t('bad factory str', lambda: defaultdict('abc'))
t('too many', lambda: defaultdict(None, 1, 2))
t('not mapping', lambda: defaultdict(None, 5))
t('unhashable', lambda: defaultdict(list)[[]])
def failing():
    raise ValueError('factory failed')
fd = defaultdict(failing)
t('factory raises', lambda: fd['a'])
print(len(fd), fd.default_factory is failing)

# equality, copies, reduce
d = defaultdict(list, a=[1])
print(d == {'a': [1]}, {'a': [1]} == d, d == defaultdict(int, a=[1]), d != {})
e = d.copy()
f = d.__copy__()
e['b']; f['c']
print(type(e).__name__, e, f, d, e['a'] is d['a'])
r = d.__reduce__()
print(r[0].__name__, r[1], r[2], r[3], list(r[4]))
print(defaultdict().__reduce__()[1], defaultdict(None).__reduce__()[1])

# | and |=
d = defaultdict(list, a=1)
u = d | {'b': 2}
print(type(u).__name__, u, u.default_factory)
u = {'c': 3} | d
print(type(u).__name__, u)
u = d | defaultdict(int, z=0)
print(type(u).__name__, u, u.default_factory)
t('or list', lambda: d | [('x', 1)])
t('ror int', lambda: 1 | d)
d |= {'q': 9}
print(d)
d |= [('w', 8)]
print(d)

# reprs
d = defaultdict(list)
d[1] = d
print(d)
def factory():
    return 0
print(repr(defaultdict(factory)).split(' at ')[0])
print(defaultdict(int, {'k': defaultdict(str)}))
class R:
    def __repr__(self):
        return 'R()'
    def __call__(self):
        return 1
print(defaultdict(R()), defaultdict(None))

# subclasses
class DD(defaultdict):
    def __missing__(self, key):
        return 'sub:' + str(key)
dd = DD(list)
print(dd['x'], dd, len(dd))
class Counting(defaultdict):
    pass
cc = Counting(int)
cc['a'] += 2
cc.note = 'n'
print(cc, type(cc.copy()).__name__, cc.note, cc.__reduce__()[0].__name__)
class Logging(defaultdict):
    def __setitem__(self, key, value):
        print('  set', key, value)
        super().__setitem__(key, value)
lg = Logging(lambda: 7)
print(lg['k'], dict(lg))
print(isinstance(dd, dict), issubclass(defaultdict, dict), defaultdict.__mro__)
print(defaultdict[str, int], defaultdict.__module__)

# _count_elements: the dict fast path and the generic one
counts = {}
_count_elements(counts, 'abracadabra')
print(sorted(counts.items()))
_count_elements(counts, ['a', 'z'])
print(sorted(counts.items()))
class Mapping(dict):
    def get(self, k, default=None):
        print('  get', k)
        return dict.get(self, k, default)
m = Mapping()
_count_elements(m, 'aba')
print(sorted(m.items()))
class Setter(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 10)
s = Setter()
_count_elements(s, 'xx')
print(s)
floats = {'a': 0.5}
_count_elements(floats, 'aa')
print(floats)
t('count args', lambda: _count_elements({}))
t('count not iterable', lambda: _count_elements({}, 5))
t('count unhashable', lambda: _count_elements({}, [[1]]))
t('count bad value', lambda: _count_elements({'a': 'x'}, 'a'))
t('count no get', lambda: _count_elements(5, 'a'))

# _tuplegetter (namedtuple's field descriptor)
class P(tuple):
    x = _tuplegetter(0, 'the x')
    y = _tuplegetter(1, 'the y')
p = P((3, 4))
print(p.x, p.y, P.x, P.x.__doc__, repr(P.y))
print(P.x.__reduce__(), type(P.x).__name__, type(P.x).__module__)
P.x.__doc__ = 'changed'
print(P.x.__doc__)
t('set field', lambda: setattr(p, 'x', 1))
t('del field', lambda: delattr(p, 'y'))
short = P((1,))
t('short tuple', lambda: short.y)
t('get non-tuple', lambda: P.x.__get__(5))
t('get none', lambda: P.x.__get__(None, P) is P.x)
t('new args', lambda: _tuplegetter(1))
t('new kw', lambda: _tuplegetter(1, 2, x=3))
t('new str index', lambda: _tuplegetter('a', 2))
t('negative index', lambda: _tuplegetter(-1, None).__get__((1, 2, 3)))
