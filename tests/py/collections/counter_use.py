# collections.Counter (a dict subclass counting through
# _collections._count_elements): counting, most_common, arithmetic,
# comparisons, elements, update/subtract, reprs.
from collections import Counter

def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

c = Counter('abracadabra')
print(c, c['a'], c['z'], len(c), sum(c.values()), c.total())
print(c.most_common(2), c.most_common()[-1], c.most_common(0))
print(sorted(c.elements()))
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract('aaaa')
c.subtract(z=5)
print(c)
print(+c, -c)
d = Counter(a=3, b=1, q=-2)
e = Counter(a=1, b=2, c=5)
print(d + e, d - e, d | e, d & e)
print(d == Counter(a=3, b=1, q=-2), Counter(a=1) == Counter(a=1, b=0), Counter() == {})
print(Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=2), Counter(a=1, b=1) >= Counter(a=1))
d += Counter(q=5)
print(d)
d -= Counter(a=10)
print(d)
d |= Counter(z=7)
d &= Counter(z=3, b=1)
print(d)
words = 'the cat and the hat and the bat'.split()
wc = Counter(words)
print(wc.most_common(3), wc['the'], list(wc))
print(Counter({'x': 2, 'y': 0}), Counter(x=0) + Counter(), Counter(dict(a=2)).copy())
del wc['the']
del wc['absent']
print(wc, 'the' in wc)
print(repr(Counter()), Counter('aab').__reduce__()[1])
print(Counter([1, 1, 2, (3, 4), (3, 4)]))
t('unhashable', lambda: Counter([[1]]))
t('add int', lambda: Counter() + 1)
t('bad update', lambda: Counter().update(5))
t('fromkeys', lambda: Counter.fromkeys('ab'))
x = Counter('hello')
x.clear()
print(x, Counter(a=2, b=-1).total(), list(Counter(b=1, a=2).elements()))
class Loud(Counter):
    def __missing__(self, key):
        return 100
print(Loud('ab')['z'], Loud('ab'))
