# What asyncio needs from the core: sys.get_asyncgen_hooks/set_asyncgen_hooks (firstiter runs
# at an async generator's first step), code.replace(co_flags=...) for types.coroutine, and
# awaiting a generator whose code has CO_ITERABLE_COROUTINE.
import sys
print(type(sys.get_asyncgen_hooks()), sys.get_asyncgen_hooks())
for a in [lambda: sys.set_asyncgen_hooks(1), lambda: sys.set_asyncgen_hooks(finalizer=1), lambda: sys.set_asyncgen_hooks(None, None, 3), lambda: sys.set_asyncgen_hooks(x=1)]:
  try: a()
  except Exception as e: print(type(e).__name__, e)
sys.set_asyncgen_hooks(print); print(sys.get_asyncgen_hooks())
seen = []
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(g.__name__))
async def agen():
    yield 1
    yield 2
g = agen()
c = g.__anext__()
print(seen)
try:
    c.send(None)
except StopIteration as e:
    print('got', e.value)
g.asend(None); g.asend(None)
print(seen)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
def f(): pass
c2 = f.__code__.replace(co_flags=f.__code__.co_flags | 0x100, co_name='g')
print(c2.co_name, c2.co_flags & 0x100, f.__code__.co_flags & 0x100)
for k in [lambda: f.__code__.replace(1), lambda: f.__code__.replace(co_x=1), lambda: f.__code__.replace(co_flags='a'), lambda: f.__code__.replace(co_name=1)]:
  try: k()
  except Exception as e: print(type(e).__name__, e)
import types
@types.coroutine
def legacy():
    x = yield 'suspended'
    return x
async def uses_legacy():
    return await legacy()
c = uses_legacy()
print(c.send(None))
try:
    c.send('resumed')
except StopIteration as e:
    print('returned', e.value)
print(legacy.__code__.co_flags & 0x100, legacy.__name__)
