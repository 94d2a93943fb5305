# itertools objects pickle and copy as in CPython 3.11: __reduce__ with the
# constructor arguments and a state, __setstate__ with CPython's checks;
# also map/filter subclass keywords and length_hint's TypeError default.
import copy
import operator
import pickle
from itertools import *


def lt3(x):
    return x < 3


def pair(x, y):
    return (x, y)


def t(label, f, *a):
    try:
        r = f(*a)
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, e)


def shape(x):
    # A reduce value with iterators named by type (their reprs hold addresses).
    if isinstance(x, tuple):
        return tuple(shape(i) for i in x)
    if isinstance(x, list):
        return [shape(i) for i in x]
    if type(x).__repr__ is object.__repr__ or type(x).__name__.endswith('iterator'):
        return '<%s>' % type(x).__name__
    return x


def rt(label, it, n=12):
    # pickled (every protocol), deep-copied: the same items follow
    outs = set()
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        outs.add(repr(list(islice(pickle.loads(pickle.dumps(it, proto)), n))))
    outs.add(repr(list(islice(copy.deepcopy(it), n))))
    print(label, sorted(outs), list(islice(it, n)))


for f, a in [(cycle('').__setstate__, ()), (cycle('').__setstate__, ([],)),
             (cycle('').__setstate__, ((), 0)), (cycle('').__setstate__, ([], 'x')),
             (cycle('').__setstate__, ([], 2 ** 70)), (cycle('').__setstate__, [[], 0]),
             (chain().__setstate__, ()), (chain().__setstate__, []), (chain().__setstate__, ([],)),
             (chain().__setstate__, (iter([]), [])), (chain().__setstate__, (iter([]), iter([]), 3)),
             (groupby('').__setstate__, (1, 2)), (groupby('').__setstate__, [1, 2, 3]),
             (product('a').__setstate__, [0]), (product('a').__setstate__, ('x',)),
             (product('ab').__setstate__, (-5,)), (combinations('abc', 2).__setstate__, (1,)),
             (combinations('abc', 2).__setstate__, ('a', 1)), (combinations('abc', 4).__setstate__, (1, 2, 3, 4)),
             (permutations('abc', 2).__setstate__, ((0, 1, 2),)),
             (permutations('abc', 2).__setstate__, ((0, 1, 2), [3, 2])),
             (permutations('abc', 2).__setstate__, ((0, 1), (3, 2))),
             (permutations('abc', 2).__setstate__, ((0, 1, 'x'), (3, 2))),
             (tee('abc')[0].__setstate__, ()), (tee('abc')[0].__setstate__, (1, 2)),
             (islice('abc', 1).__setstate__, 'x'), (islice('abc', 1).__setstate__, -5),
             (dropwhile(None, 'abc').__setstate__, [])]:
    t(type(f.__self__).__name__, f, a)

a = tee('abc')[0]
t('tee 58', a.__setstate__, (a.__reduce__()[2][0], 58))
t('tee -1', a.__setstate__, (a.__reduce__()[2][0], -1))

c = cycle('abc'); next(c)
t('cycle', lambda: shape(c.__reduce__()))
[next(c) for i in range(3)]
t('cycle done', lambda: shape(c.__reduce__()))
t('cycle inner', lambda: shape(c.__reduce__()[1][0].__reduce__()))
c = cycle('defg'); c.__setstate__((list('abcdefg'), 1)); print(''.join(islice(c, 12)))
c = cycle('defg'); c.__setstate__((list('abc'), 0)); print(''.join(islice(c, 12)))

print(shape(accumulate([1, 2], initial=5).__reduce__()))
a = accumulate([1, 2]); print(shape(a.__reduce__())); next(a); print(shape(a.__reduce__()))
a = accumulate([None, 2, 3], lambda x, y: y); next(a); print(shape(a.__reduce__()))
print(shape(islice('abcdef', 1, None, 2).__reduce__()))
s = islice('abcdef', 1, 4, 2); list(s); print(shape(s.__reduce__()))
z = zip_longest('ab', 'c', fillvalue=3); next(z); next(z); print(shape(z.__reduce__()))
p = product('ab', 'c'); next(p); print(p.__reduce__()); list(p); print(p.__reduce__())
p = product('ab', ''); list(p); print(p.__reduce__())
c = combinations('abc', 2); print(c.__reduce__()); next(c); print(c.__reduce__()); list(c); print(c.__reduce__())
print(combinations('abc', 4).__reduce__())
c = combinations_with_replacement('abc', 2); next(c); print(c.__reduce__())
c = permutations('abc', 2); next(c); print(c.__reduce__()); list(c); print(c.__reduce__())
g = groupby('aabbc'); k, gr = next(g)
print(shape(g.__reduce__()), shape(gr.__reduce__()))
next(g); print(shape(gr.__reduce__()))
a, b = tee('abc'); next(a); r = a.__reduce__(); print(shape(r[1]), r[2][1], shape(r[2][0].__reduce__()[1]))
d = dropwhile(lambda x: x < 'b', 'abc'); next(d); print(d.__reduce__()[2])
c = chain('ab', 'cd'); next(c); print(shape(c.__reduce__())); list(c); print(c.__reduce__())
p = product((1, 2), (3,)); p.__setstate__((0, 0x1000)); print(next(p))

rt('count', count(3))
rt('cycle', cycle('abc'))
c = cycle(iter('abcde')); [next(c) for i in range(7)]; rt('cycle 7', c)
rt('accumulate', accumulate(range(6), initial=100))
a = accumulate([None, 1, 2], pair); next(a); rt('accumulate None', a)
rt('chain', chain('ab', 'cd', 'ef'))
rt('compress', compress('abcdef', [1, 0, 1, 1, 0, 1]))
rt('dropwhile', dropwhile(lt3, [1, 2, 3, 4, 1]))
rt('takewhile', takewhile(lt3, [1, 2, 3, 4, 1]))
rt('filterfalse', filterfalse(None, [0, 1, 0, 2]))
rt('starmap', starmap(pow, [(2, 3), (3, 2)]))
g = groupby('aabbbc'); next(g)
print('groupby', [(k, list(v)) for k, v in pickle.loads(pickle.dumps(g))])
rt('islice', islice(range(100), 3, 50, 7))
a, b = tee(range(100)); next(a); rt('tee', a, 60)
rt('zip_longest', zip_longest('abc', 'de', fillvalue='-'))
p = product('ab', range(3)); next(p); rt('product', p)
rt('combinations', combinations(range(5), 3))
rt('cwr', combinations_with_replacement('abc', 2))
p = permutations('abcd', 2); next(p); next(p); rt('permutations', p)
t('pairwise', pickle.dumps, pairwise('abc'))

print(operator.length_hint(repeat(None), 12), operator.length_hint(repeat(None, 5), 12))


class L:
    def __length_hint__(self):
        raise TypeError('no')


print(operator.length_hint(L(), 7))


class M(map):
    def __init__(self, *args, extra=None):
        self.extra = extra


class F(filter):
    pass


print(list(M(str, [1, 2], extra=3)), M(str, [], extra=3).extra)
t('filter subclass', lambda: F(None, [0, 1], newarg=3))
t('map', lambda: map(str, [1], x=1))
