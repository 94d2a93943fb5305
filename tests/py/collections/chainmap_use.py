# collections.ChainMap: lookups through the chain, writes to the first
# map, new_child/parents, iteration order, reprs, | operators, errors.
from collections import ChainMap

def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

defaults = {'color': 'red', 'user': 'guest', 'size': 1}
env = {'user': 'admin'}
cli = {'size': 3}
cm = ChainMap(cli, env, defaults)
print(cm['color'], cm['user'], cm['size'], len(cm), list(cm), sorted(cm.items()))
print(cm.get('nope'), cm.get('nope', 0), 'color' in cm, 'x' in cm, bool(cm), bool(ChainMap()))
cm['color'] = 'blue'
print(cli, defaults['color'], cm['color'])
del cm['color']
print(cli, cm['color'])
t('del from later map', lambda: cm.__delitem__('user'))
t('missing', lambda: cm['nope'])
t('pop missing', lambda: cm.pop('nope'))
print(cm.pop('nope', 'd'), cm.pop('size'), cli, cm['size'])
t('popitem empty first', lambda: cm.popitem())
cli['a'] = 1
print(cm.popitem(), cli)
child = cm.new_child({'user': 'child'})
print(child['user'], child.parents['user'], child.maps[0], len(child.maps))
child2 = cm.new_child(user='kw')
print(child2.maps[0], child2['user'])
print(child.parents.parents.maps == [defaults], repr(ChainMap()))
print(ChainMap({1: 2}, {3: 4}), ChainMap({'k': 1}).copy(), type(ChainMap({}).copy()).__name__)
print(list(ChainMap({'b': 1, 'a': 2}, {'c': 3, 'a': 4})))
u = ChainMap({'a': 1}, {'b': 2}) | {'c': 3}
print(u, u.maps)
u |= {'a': 10}
print(u)
u2 = {'z': 0} | ChainMap({'a': 1})
print(type(u2).__name__, u2)
print(ChainMap.fromkeys('ab', 0), ChainMap({}).clear())
c = ChainMap({'x': 1})
c.maps.append({'y': 2})
print(c['y'], c)
r = ChainMap({})
r.maps[0]['self'] = r
print(r)
class DeepChainMap(ChainMap):
    def __setitem__(self, key, value):
        for mapping in self.maps:
            if key in mapping:
                mapping[key] = value
                return
        self.maps[0][key] = value
d = DeepChainMap({'a': 1}, {'b': 2})
d['b'] = 20
d['c'] = 30
print(d.maps)
import collections
print(collections.ChainMap is ChainMap, sorted(collections.__all__))
