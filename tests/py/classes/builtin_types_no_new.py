# Builtin types CPython creates only internally (iterators, views, generators,
# method wrappers, descriptors) cannot be instantiated by calling them:
# a TypeError, not an empty object whose methods would crash.
def g(): yield
async def c(): pass
async def ag(): yield
import types
objs = [iter(''), iter('é'), iter([]), iter(()), iter(range(1)), iter(range(2**70)), iter({}), iter(set()), iter(b''), iter(bytearray()),
        reversed([]), iter(lambda:1, 2), iter({}.values()), iter({}.items()), reversed({}), reversed({}.values()), reversed({}.items()),
        {}.keys(), {}.values(), {}.items(), g(), ag(), types.MethodType(g, 1).__call__, (1).__add__, [].append, len,
        str.join, int.__add__, int.real, type.__dict__['__dict__'], (lambda:0).__globals__, iter(memoryview(b'')) if False else None,
        NotImplemented, Ellipsis, type(None)(), (x for x in []), iter(type('S', (), {'__getitem__': lambda s, i: 1})()) ]
for o in objs:
    if o is None: continue
    t = type(o)
    try:
        t(); print(t.__name__, 'ok')
    except TypeError as e: print(t.__name__, e)
c().close()
