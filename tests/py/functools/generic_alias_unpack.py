# types.GenericAlias's __unpacked__ and iteration (*tuple[int]), which
# typing.get_type_hints and functools.singledispatch.register use; max/min
# docstrings that start with their signature (update_wrapper copies them);
# deque subclasses with __slots__ pickle their slot values; a builtin base
# with its own weak-reference list refuses a __weakref__ slot.
import collections
import copy
import functools
import pickle
import typing


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


a = list[int]
print(a.__unpacked__, list(a), [x.__unpacked__ for x in a], repr(*a))
s = next(iter(tuple[int, str]))
print(s, s.__unpacked__, s.__typing_unpacked_tuple_args__, a.__typing_unpacked_tuple_args__)
print(s == tuple[int, str], s != tuple[int, str], s == next(iter(tuple[int, str])))
print(tuple[*tuple[int, str]] if False else 'skip')


def h(arg: list[int] | str):
    pass


print(typing.get_type_hints(h))


@functools.singledispatch
def f(arg):
    return 'default'


for ann in ('list[int]', 'typing.List[float]', 'list[int] | str', 'typing.List[float] | bytes'):
    ns = {'typing': typing}
    exec('def g(arg: %s): pass' % ann, ns)
    t(ann, lambda: f.register(ns['g']))
print(f([1]), f(''))


def wrapper():
    pass


functools.update_wrapper(wrapper, max)
print(wrapper.__name__, wrapper.__doc__.splitlines()[:2], wrapper.__annotations__)
print(min.__doc__.splitlines()[:2])


class DequeWithSlots(collections.deque):
    __slots__ = ('x', 'y', '__dict__')


d = DequeWithSlots([1, 2], maxlen=5)
d.x = 10
d.z = 30
print(d.__reduce__()[:3])
for c in (copy.deepcopy(d), pickle.loads(pickle.dumps(d, 4))):
    print(type(c).__name__, list(c), c.maxlen, c.x, c.z, hasattr(c, 'y'))

import array
for base in (collections.deque, array.array):
    try:
        class W(base):
            __slots__ = ('__weakref__',)
        print(base.__name__, 'allowed')
    except TypeError as e:
        print(base.__name__, type(e).__name__, e)
