# The _operator functions that operator.py re-exports: results, argument
# counts and CPython's messages.
import operator, _operator

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(operator.add.__module__, operator.add.__name__, type(operator.add).__name__)
print(operator.__add__ is operator.add, operator.__lt__ is operator.lt, operator.__inv__ is operator.inv)
pairs = [(7, 2), (-7, 2), (7.5, 2), ('ab', 'c'), ([1], [2]), ((1,), (2,)), (3, 'x'), ({1}, {2}),
         (True, 3), (2, -1), (0, 0), (2**70, 3)]
for name in ['add', 'sub', 'mul', 'floordiv', 'truediv', 'mod', 'lshift', 'rshift', 'and_',
             'xor', 'or_', 'pow', 'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'is_', 'is_not',
             'concat', 'contains', 'countOf', 'indexOf', 'getitem', 'matmul']:
    f = getattr(operator, name)
    print(name)
    for a, b in pairs:
        t(f, a, b)
    t(f, 1)
    t(f, 1, 2, 3)
    t(f)
    t(f, a=1, b=2)
for name in ['iadd', 'isub', 'imul', 'ifloordiv', 'itruediv', 'imod', 'ilshift', 'irshift',
             'iand', 'ixor', 'ior', 'ipow', 'iconcat', 'imatmul']:
    f = getattr(operator, name)
    print(name)
    for a, b in pairs:
        t(f, a, b)
    l = [1]
    r = f(l, [2]) if name in ('iadd', 'iconcat') else None
    print(r, l, r is l)
    t(f, 1)
for name in ['abs', 'neg', 'pos', 'inv', 'invert', 'not_', 'truth', 'index']:
    f = getattr(operator, name)
    print(name)
    for a in [0, 5, -5, 2.5, True, 'x', [], [0], 2**80, None]:
        t(f, a)
    t(f)
    t(f, 1, 2)
    t(f, a=1)

class Seq:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
class Idx:
    def __index__(self): return 3
t(operator.index, Idx())
t(operator.countOf, Seq(), 10)
t(operator.indexOf, Seq(), 20)
t(operator.indexOf, Seq(), 99)
t(operator.countOf, 5, 5)
t(operator.concat, Seq(), [1])
t(operator.concat, {}, {})
t(operator.concat, 'a', 1)
t(operator.contains, 5, 5)
nan = float('nan')
t(operator.countOf, [nan, nan], nan)
t(operator.indexOf, [1, nan], nan)

d = {}
t(operator.setitem, d, 'k', 1)
t(operator.setitem, d, 'k')
t(operator.getitem, d, 'k')
t(operator.delitem, d, 'k')
t(operator.delitem, d, 'k')
t(operator.getitem, [1, 2, 3], slice(1, None))
l = [1, 2, 3]
operator.setitem(l, slice(0, 2), 'ab')
operator.delitem(l, -1)
print(l)

t(operator.call)
t(operator.call, len, [1, 2])
t(operator.call, dict, a=1, b=2)
t(operator.call, 5)

class LH:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
class LenRaises:
    def __len__(self): raise TypeError('no len')
class LenValue:
    def __len__(self): raise ValueError('bad len')
for obj in [[1, 2], (), 'abc', iter([1, 2, 3]), iter(range(10)), 5, LH(4), LH(-1), LH('a'),
            LH(NotImplemented), LH(2**70), LenRaises(), LenValue(), reversed([1, 2])]:
    t(operator.length_hint, obj)
    t(operator.length_hint, obj, 7)
t(operator.length_hint)
t(operator.length_hint, 1, 'x')
t(operator.length_hint, 1, 2.0)
t(operator.length_hint, 1, 2**70)
t(operator.length_hint, 1, True)
t(operator.length_hint, 1, 2, 3)

cd = _operator._compare_digest
for a, b in [('a', 'a'), ('a', 'b'), ('abc', 'ab'), ('', ''), ('é', 'é'), ('a', 'é'), (b'ab', b'ab'),
             (b'ab', bytearray(b'ab')), (b'ab', memoryview(b'ab')), (b'ab', b'abc'), ('a', b'a'),
             (b'a', 'a'), (1, 2), (1, b'a'), (b'a', 1), (None, None)]:
    t(cd, a, b)
t(cd, 'a')
print(operator.__all__ == [n for n in operator.__all__])
print(len([n for n in dir(_operator) if not n.startswith('_')]))
