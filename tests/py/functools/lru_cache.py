# functools.lru_cache over _functools._lru_cache_wrapper: hits, misses,
# eviction order, typed keys, cache_info/cache_clear/cache_parameters,
# methods, and CPython's messages.
import functools
from functools import lru_cache

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

calls = []
@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x

print(type(sq).__name__, type(sq).__module__, sq.__name__, sq.__qualname__, sq.__wrapped__.__name__)
for x in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3]:
    sq(x)
print(calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
sq(1.0); sq(1); sq(True)
print(calls[-3:], sq.cache_info())

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.cache_parameters())

@lru_cache
def plain(a, b=2, *, c=3):
    calls.append((a, b, c))
    return a + b + c
calls.clear()
print(plain(1), plain(1), plain(1, 2), plain(1, b=2), plain(a=1), plain(1, c=3), plain(1, b=2, c=3), plain(1, c=3, b=2))
print(calls, plain.cache_info(), plain.cache_parameters())

@lru_cache(maxsize=0)
def nocache(x):
    calls.append(x)
    return x
calls.clear()
nocache(1); nocache(1)
print(calls, nocache.cache_info())

@lru_cache(maxsize=-5)
def neg(x): return x
neg(1); neg(1)
print(neg.cache_info(), neg.cache_parameters())

@lru_cache(typed=True)
def typed(x):
    calls.append(x)
    return x
calls.clear()
typed(1); typed(1.0); typed(True); typed(1); typed('a'); typed(x=1); typed(x=1.0)
print(calls, typed.cache_info(), typed.cache_parameters())

@lru_cache(maxsize=2)
def kw(*a, **k):
    calls.append((a, k))
    return len(a) + len(k)
calls.clear()
kw(1, x=2); kw(1, x=2); kw(x=2, y=3); kw(y=3, x=2); kw(1, 2)
print(calls, kw.cache_info())

class Counted:
    hashes = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        Counted.hashes += 1
        return hash(self.v)
    def __eq__(self, o): return isinstance(o, Counted) and self.v == o.v
@lru_cache(maxsize=10)
def ident(x): return x.v
c = Counted(5)
ident(c); ident(c); ident(Counted(5))
print(Counted.hashes, ident.cache_info())

t(ident, [1])
t(lru_cache(maxsize=None)(len), [1])
print(lru_cache(maxsize=None)(len)('abc'))

class A:
    @lru_cache(maxsize=4)
    def m(self, x):
        calls.append(('m', x))
        return x + 1
    def __hash__(self): return 1
    def __eq__(self, o): return True
calls.clear()
a = A()
print(a.m(1), a.m(1), A().m(1), A.m(a, 1), A.m.cache_info())
print(type(A.__dict__['m']).__name__, A.m is A.__dict__['m'], type(a.m).__name__)
print(A.m.__reduce__() if False else '', sq.__reduce__(), fib.__copy__() is fib, fib.__deepcopy__({}) is fib)

t(lru_cache, 'x')
t(lambda: lru_cache('x'))
t(lambda: lru_cache(maxsize='x'))
t(functools._lru_cache_wrapper, len)
t(functools._lru_cache_wrapper, 1, 1, False, tuple)
t(functools._lru_cache_wrapper, len, 'x', False, tuple)
t(functools._lru_cache_wrapper, len, 2**70, False, tuple)
w = functools._lru_cache_wrapper(len, 5, 0, lambda *a: a)
print(w('ab'), w.cache_info(), w.__dict__)
t(setattr, type(w), 'x', 1)
try:
    class Sub(functools._lru_cache_wrapper): pass
except TypeError as e:
    print('TypeError', e)

# Recursion through the cache re-entering with the same key.
@lru_cache(maxsize=2)
def reent(n):
    if n > 0:
        reent(n - 1)
        reent(n - 1)
    return n
print(reent(5), reent.cache_info())
# Exceptions are not cached.
@lru_cache(maxsize=2)
def boom(x):
    calls.append(x)
    raise ValueError(x)
calls.clear()
t(boom, 1); t(boom, 1)
print(calls, boom.cache_info())
