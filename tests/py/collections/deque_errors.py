# deque's error cases, with CPython's messages.
from _collections import deque
import _collections

def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

d = deque([1, 2, 3])
t('pop empty', lambda: deque().pop())
t('popleft empty', lambda: deque().popleft())
t('index empty', lambda: deque()[0])
t('index big', lambda: d[3])
t('index neg', lambda: d[-4])
t('index huge', lambda: d[10**30])
t('index str', lambda: d['a'])
t('index slice', lambda: d[0:1])
t('index float', lambda: d[1.0])
t('set out of range', lambda: d.__setitem__(3, 0))
t('del out of range', lambda: d.__delitem__(-4))
def del_slice():
    del d[0:1]
t('del slice', del_slice)
t('remove missing', lambda: d.remove(9))
t('remove str', lambda: d.remove('x'))
t('index missing', lambda: d.index(9))
t('index range', lambda: d.index(1, 1))
t('index huge start', lambda: d.index(1, 10**30))
t('index huge neg', lambda: d.index(1, -10**30))
t('index none', lambda: d.index(1, None))
t('index no args', lambda: d.index())
t('index many', lambda: d.index(1, 2, 3, 4))
t('insert few', lambda: d.insert(1))
t('insert many', lambda: d.insert(1, 2, 3))
t('insert str', lambda: d.insert('a', 1))
t('insert big', lambda: d.insert(10**30, 1))
t('insert full', lambda: deque([1], maxlen=1).insert(0, 2))
t('insert maxlen 0', lambda: deque(maxlen=0).insert(0, 2))
t('rotate many', lambda: d.rotate(1, 2))
t('rotate str', lambda: d.rotate('x'))
t('rotate float', lambda: d.rotate(1.5))
t('rotate big', lambda: d.rotate(10**20))
t('rotate kw', lambda: d.rotate(n=1))
t('append none', lambda: d.append())
t('append two', lambda: d.append(1, 2))
t('pop arg', lambda: d.pop(0))
t('extend int', lambda: d.extend(5))
t('extendleft int', lambda: d.extendleft(None))
t('count none', lambda: d.count())
t('init int', lambda: deque(1))
t('init neg maxlen', lambda: deque([], -1))
t('init str maxlen', lambda: deque([], 'a'))
t('init float maxlen', lambda: deque([], 2.0))
t('init huge maxlen', lambda: deque([], 10**30))
t('init three', lambda: deque([], 1, 2))
t('init kw extra', lambda: deque([], maxlen=None, x=1))
t('init dup', lambda: deque([], 1, maxlen=2))
t('init dup2', lambda: deque([], iterable=[2]))
t('init bad kw', lambda: deque(x=1))
t('init kw only', lambda: deque(iterable='ab', maxlen=True))
t('concat list', lambda: d + [1])
t('list concat', lambda: type([1] + d))
t('concat int', lambda: d + 1)
t('mul str', lambda: d * 'a')
t('mul float', lambda: d * 2.0)
t('rmul float', lambda: 2.5 * d)
t('mul huge', lambda: d * 10**30)
def imul_str():
    global d
    d *= 'a'
t('imul str', imul_str)
t('iadd int', lambda: d.__iadd__(5))
t('lt list', lambda: d < [1])
t('ge int', lambda: d >= 1)
t('hash', lambda: hash(d))
t('iter args', lambda: _collections._deque_iterator())
t('iter not deque', lambda: _collections._deque_iterator([1]))
t('iter many', lambda: _collections._deque_iterator(d, 1, 2))
t('iter str index', lambda: _collections._deque_iterator(d, 'a'))
t('reviter not deque', lambda: _collections._deque_reverse_iterator(5))
t('maxlen set', lambda: setattr(d, 'maxlen', 3))
t('attr', lambda: setattr(d, 'foo', 3))

class Eq:
    def __init__(self, d, act, result):
        self.d, self.act, self.result = d, act, result
    def __eq__(self, other):
        self.act(self.d)
        return self.result

def mutating(act, result):
    d = deque([1, 2, 3])
    d.appendleft(Eq(d, act, result))
    return d

def show(d):
    print('  now', [x if not isinstance(x, Eq) else 'Eq' for x in d])

for label, act in [('append', lambda d: d.append(9)), ('pop', lambda d: d.pop()),
                   ('setitem', lambda d: d.__setitem__(1, 7)), ('reverse', lambda d: d.reverse()),
                   ('rotate', lambda d: d.rotate(1)), ('clear', lambda d: d.clear()),
                   ('nothing', lambda d: None)]:
    for result in (False, True):
        print(label, result)
        d = mutating(act, result); t('  remove', lambda: d.remove(5)); show(d)
        d = mutating(act, result); t('  in', lambda: 5 in d); show(d)
        d = mutating(act, result); t('  count', lambda: d.count(5)); show(d)
        d = mutating(act, result); t('  index', lambda: d.index(5)); show(d)

class Bad:
    def __eq__(self, other):
        raise ValueError('bad eq')
d = deque([1, Bad(), 3])
t('remove raising eq', lambda: d.remove(3)); print(len(d), d[0], d[2])
t('index raising eq', lambda: d.index(3))
t('count raising eq', lambda: d.count(3))
t('in raising eq', lambda: 3 in d)
t('eq raising', lambda: deque([Bad()]) == deque([1]))
t('lt raising', lambda: deque([Bad()]) < deque([1]))

# iterators after mutation
def after(mut, rev=False, items=(0, 1, 2, 3, 4), maxlen=None):
    d = deque(items, maxlen)
    it = reversed(d) if rev else iter(d)
    first = next(it, 'end')
    mut(d)
    out = [first]
    for _ in range(3):
        try:
            out.append(next(it))
        except StopIteration:
            out.append('stop')
        except RuntimeError as e:
            out.append(str(e))
    return out, it.__length_hint__()

for rev in (False, True):
    print('reversed' if rev else 'forward')
    print(' append', after(lambda d: d.append(5), rev))
    print(' appendleft', after(lambda d: d.appendleft(5), rev))
    print(' pop', after(lambda d: d.pop(), rev))
    print(' setitem', after(lambda d: d.__setitem__(2, 'x'), rev))
    print(' reverse', after(lambda d: d.reverse(), rev))
    print(' rotate 0', after(lambda d: d.rotate(0), rev))
    print(' rotate one item', after(lambda d: d.rotate(5), rev, [1]))
    print(' clear empty', after(lambda d: d.clear(), rev, []))
    print(' imul 1', after(lambda d: d.__imul__(1), rev))
    print(' imul 0', after(lambda d: d.__imul__(0), rev))
    print(' iadd empty', after(lambda d: d.__iadd__([]), rev))
    print(' extend maxlen 0', after(lambda d: d.extend([1]), rev, [], 0))
    print(' append maxlen 0', after(lambda d: d.append(1), rev, [], 0))
    print(' init', after(lambda d: d.__init__([7]), rev))
    print(' insert', after(lambda d: d.insert(1, 'i'), rev))
    print(' remove', after(lambda d: d.remove(3), rev))
