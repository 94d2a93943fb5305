# _functools.partial, reduce and cmp_to_key through functools.py: reprs,
# flattening, pickling state, calls, and CPython's messages.
import functools
from functools import partial, reduce, cmp_to_key

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

def f(*args, **kw):
    return args, kw

print(partial, partial.__module__, type(partial), functools.reduce.__module__, type(reduce).__name__)
p = partial(f, 1, 2, a=3)
print(p(4, b=5), p(a=9), p.func is f, p.args, p.keywords)
print(repr(p).replace(repr(f), 'F'))
q = partial(p, 6, c=7)
print(q.func is f, q.args, q.keywords, q())
print(repr(partial(len)).replace(repr(len), 'LEN'), repr(partial(max, 1, key=abs)))
print(partial(int, base=2)('101'), partial(int, '11', base=3)())
t(partial)
t(partial, 1)
t(partial, None)
t(partial, func=f)
t(setattr, p, 'func', len)
t(setattr, p, 'args', ())
t(delattr, p, 'keywords')
p.attr = 'x'
print(p.attr, p.__dict__)
r = partial(p, 8)
print(r.func is p, r.args)
print(p.__reduce__()[0] is partial, p.__reduce__()[1][0] is f, p.__reduce__()[2][1:])
p2 = partial(f)
print(p2.__reduce__()[2][1:])
p2.__setstate__((f, (1,), {'k': 2}, None))
print(p2(), p2.__dict__)
p2.__setstate__((f, (5,), None, {'z': 1}))
print(p2(), p2.args, p2.keywords, p2.__dict__)
for bad in [(), (f, (), {}), (f, (), {}, None, 1), (1, (), {}, None), (f, 1, {}, None), (f, (), 1, None), 5]:
    t(p2.__setstate__, bad)
class MyPartial(partial):
    pass
mp = MyPartial(f, 1)
print(repr(mp).replace(repr(f), 'F'), type(mp).__name__, mp(2))
mp2 = partial(mp, 3)
print(mp2.func is f, mp2.args)
print(partial[int], type(partial[int]).__name__)
# A partial is not a descriptor: as a class attribute it does not bind.
class C:
    meth = partial(f, 'bound?')
print(C().meth(1))
# Recursive repr.
rp = partial(f)
rp.__setstate__((f, (rp,), {}, None))
print(repr(rp).replace(repr(f), 'F'))
kp = partial(f, **{'a': 1})
kp2 = partial(kp, a=2, b=3)
print(kp2.keywords, kp.keywords)
print(partial(f, 1)(*range(3), **{'x': 0}))
t(partial(len), 1, 2)
t(partial(f, 1), **{'a': 1, 'b': 2})

# reduce
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, ['x'], 'y'), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, [], 0), reduce(lambda a, b: a + b, [7]))
t(reduce)
t(reduce, max)
t(reduce, max, [], 1, 2)
t(reduce, max, [])
t(reduce, max, 5)
t(reduce, max, [1], initial=5)
t(reduce, lambda a, b: 1 / 0, [1, 2])
t(reduce, 5, [1, 2])

# cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)
K = cmp_to_key(cmp)
print(type(K).__name__, type(K).__module__, sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 != k2, k1 <= k2, k1 >= k2, k1.obj, k2.obj)
t(K)
t(K, 1, 2)
t(lambda: K(obj=5).obj)
t(K)
t(K, 1, obj=2)
t(K, x=1)
t(cmp_to_key)
t(lambda: cmp_to_key(mycmp=cmp)(3).obj)
t(cmp_to_key, cmp, 1)
t(lambda: k1 < 5)
t(hash, k1)
t(lambda: K(1) < K('a'))
k1.obj = 10
print(k1.obj, k1 > k2)
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
