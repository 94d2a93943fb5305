# collections.namedtuple over _collections._tuplegetter: fields, defaults,
# _make/_replace/_asdict/_fields, rename, subclassing, errors.
from collections import namedtuple

def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y, Point._fields, Point.__name__, Point.__module__, Point.__doc__)
print(type(Point.x).__name__, Point.x.__doc__, Point.y.__doc__, Point.x)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), Point._field_defaults)
print(p + (3,), p * 2, p[:1], Point(*range(2)), sorted([Point(2, 1), Point(1, 5)]))
t('set attr', lambda: setattr(p, 'x', 5))
t('del attr', lambda: delattr(p, 'x'))
t('new attr', lambda: setattr(p, 'z', 5))
t('too few', lambda: Point(1))
t('too many', lambda: Point(1, 2, 3))
t('bad kw', lambda: Point(1, z=2))
t('replace bad', lambda: p._replace(z=3))
t('make short', lambda: Point._make([1]))

P3 = namedtuple('P3', 'a b c', defaults=[0, 1])
print(P3(5), P3(5, 6), P3(5, 6, 7), P3._field_defaults, P3.__new__.__defaults__)
R = namedtuple('R', 'a, def, a, _b', rename=True)
print(R._fields, R(1, 2, 3, 4))
t('keyword field', lambda: namedtuple('K', 'a def'))
t('dup field', lambda: namedtuple('K', 'a a'))
t('underscore field', lambda: namedtuple('K', 'a _b'))
t('bad name', lambda: namedtuple('1K', 'a'))
t('bad field', lambda: namedtuple('K', 'a-b'))
t('too many defaults', lambda: namedtuple('K', 'a', defaults=[1, 2]))
M = namedtuple('M', 'a', module='mymod')
print(M.__module__, repr(M(1)))
E = namedtuple('E', '')
print(E(), E._fields, len(E()))

class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
v = Vec(3, 4)
print(v, v.norm2, v + Vec(1, 1), v._replace(y=0), Vec._make((1, 2)).norm2)
print(Vec.__mro__[1].__name__, isinstance(v, tuple))
t('vec attr', lambda: setattr(v, 'z', 1))

Emp = namedtuple('Emp', 'name dept salary')
staff = [Emp('ann', 'dev', 10), Emp('bob', 'ops', 7), Emp('cy', 'dev', 12)]
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept, max(staff, key=lambda e: e.salary).name, sum(e.salary for e in staff))
print([e._asdict()['name'] for e in staff], Emp._fields.index('dept'))
print(p.__getnewargs__(), p.__match_args__ if hasattr(p, '__match_args__') else None)
match p:
    case Point(x=1, y=yy):
        print('matched', yy)
