# itemgetter, attrgetter and methodcaller: calls, reprs, __reduce__, errors.
import operator
from operator import itemgetter, attrgetter, methodcaller

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for T in [itemgetter, attrgetter, methodcaller]:
    print(T, T.__module__, T.__name__, type(T))
    try:
        class Sub(T): pass
    except TypeError as e:
        print('TypeError', e)

g = itemgetter(1)
print(g, g([10, 20]), g('ab'), g({1: 'one'}), g((5, 6, 7)), type(g))
t(g, [1])
t(g, 5)
t(g)
t(g, [1], [2])
t(g, obj=[1, 2])
g3 = itemgetter(0, -1, slice(1, 3), 'k')
print(g3)
t(g3, {0: 'a', -1: 'b', 'k': 'c'})
t(g3, [1, 2, 3, 4])
t(g3, 'hello')
print(itemgetter('x')({'x': 1}), itemgetter(True)([1, 2]), itemgetter(-1)([1, 2]), itemgetter(2**70))
t(itemgetter)
t(itemgetter, key=1)
print(g.__reduce__(), g3.__reduce__())
print(itemgetter((1, 2)), itemgetter((1, 2)).__reduce__(), itemgetter([1]), itemgetter(None))
l = []
g4 = itemgetter(l)
l.append(g4)
print(g4)
print(sorted([(1, 'b'), (2, 'a'), (0, 'c')], key=itemgetter(1)))
print(list(map(itemgetter(0, 2), ['abc', 'xyz'])))

class A:
    x = 1
    class b:
        c = 'deep'
    def __repr__(self): return 'A()'
a = A()
f = attrgetter('x')
print(f, f(a), attrgetter('b.c')(a), attrgetter('x', 'b.c', 'b')(a))
t(attrgetter('y'), a)
t(attrgetter('b.y'), a)
t(attrgetter('x.y.z'), a)
t(attrgetter)
t(attrgetter, 1)
t(attrgetter, 'x', 2)
t(attrgetter, x='a')
t(f)
t(f, a, a)
t(f, obj=a)
print(attrgetter('a.b', 'c'), attrgetter('a.b').__reduce__(), attrgetter('x', 'y.z').__reduce__())
print(attrgetter('a..b'), attrgetter(''), attrgetter('.'), attrgetter('a..b').__reduce__())
t(attrgetter('a..b'), a)
t(attrgetter(''), a)
print(attrgetter('real', 'imag')(3 + 4j))

m = methodcaller('upper')
print(m, m('abc'))
m2 = methodcaller('split', ',', maxsplit=1)
print(m2, m2('a,b,c'))
m3 = methodcaller('get', 'k', None)
print(m3, m3({}), m3({'k': 9}))
print(m.__reduce__(), m3.__reduce__())
r = m2.__reduce__()
print(r, r[0].func, r[0].args, r[0].keywords, r[1])
print(r[0](*r[1])('x,y,z'))
t(methodcaller)
t(methodcaller, 1)
t(methodcaller, name='x')
t(m)
t(m, 'a', 'b')
t(m, obj='a')
t(m, 5)
t(methodcaller('nope'), 5)
print(methodcaller('f', 1, 'x', [2], a=1, b='q'))
print(methodcaller('f', name=1, self=2))
l = []
m4 = methodcaller('append', l)
l.append(m4)
print(m4)
print(methodcaller('__add__', 2)(3), methodcaller('count', 1)([1, 1, 2]))
