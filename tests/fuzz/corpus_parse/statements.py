import a, b.c as d
from . import x
from ..pkg.mod import (y as z, w)
from __future__ import annotations
x = y = 1
a, *b = c
[p, (q, r)] = s
x += 1; x @= m; x //= 2; x **= 2
x: int = 5
(y): int
obj.attr: str
del a, b[0], c.d
assert x, "msg"
global g
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    nonlocal_thing = 1
    return a
async def g():
    async with a as b, c:
        pass
    async for i in it:
        await i
    return [x async for x in y]
@dec
@dec2(arg)
class C(Base, metaclass=M):
    def m(self): yield; yield x; yield from y
for i in range(10):
    if i: continue
    elif i > 5: break
    else: pass
else:
    pass
while x: x -= 1
else: y
try:
    pass
except E as e:
    raise X from e
except (A, B):
    raise
else:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
with (open(a) as f, open(b) as g):
    pass
with a, b as (c, d):
    pass
lambda: 0
lambda x, *, y=1, **k: x
