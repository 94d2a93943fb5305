# Proxies: every operation and special method goes to the referent; a dead
# proxy raises ReferenceError. Expected output from CPython 3.11.
import gc
import operator
import weakref


class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o): return ("add", self.v, o if not isinstance(o, Num) else o.v)
    def __radd__(self, o): return ("radd", self.v, o)
    def __iadd__(self, o): return ("iadd", self.v, o)
    def __sub__(self, o): return ("sub", o)
    def __mul__(self, o): return ("mul", o)
    def __rmul__(self, o): return ("rmul", o)
    def __matmul__(self, o): return ("matmul", o)
    def __truediv__(self, o): return ("truediv", o)
    def __floordiv__(self, o): return ("floordiv", o)
    def __mod__(self, o): return ("mod", o)
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __lshift__(self, o): return ("lshift", o)
    def __rshift__(self, o): return ("rshift", o)
    def __and__(self, o): return ("and", o)
    def __or__(self, o): return ("or", o)
    def __xor__(self, o): return ("xor", o)
    def __neg__(self): return ("neg",)
    def __pos__(self): return ("pos",)
    def __abs__(self): return ("abs",)
    def __invert__(self): return ("invert",)
    def __index__(self): return self.v
    def __int__(self): return self.v + 1
    def __float__(self): return self.v + 0.5
    def __bool__(self): return self.v != 0
    def __len__(self): return 3
    def __getitem__(self, k): return ("getitem", k)
    def __setitem__(self, k, v): print("setitem", k, v)
    def __delitem__(self, k): print("delitem", k)
    def __contains__(self, k): return k == 2
    def __iter__(self): return iter(["i1", "i2"])
    def __lt__(self, o): return ("lt", o)
    def __eq__(self, o): return ("eq", o if not isinstance(o, Num) else o.v)
    __hash__ = object.__hash__
    def __str__(self): return "Num(%d)" % self.v
    def __bytes__(self): return b"num"
    def __reversed__(self): return "reversed"
    def method(self, x): return ("method", self.v, x)


n = Num(7)
p = weakref.proxy(n)
print(type(p).__name__, type(p) is weakref.ProxyType, isinstance(p, Num), p.__class__.__name__)
print(p.v, p.method(1), str(p), bytes(p), reversed(p))
print(p + 1, 1 + p, p + p, p - 1, p * 2, 3 * p, p @ 1, p / 2, p // 2, p % 2)
print(divmod(p, 3), divmod(3, p), p ** 2, pow(p, 2, 5), p << 1, p >> 1, p & 1, p | 1, p ^ 1)
print(-p, +p, abs(p), ~p, operator.index(p), int(p), float(p), bool(p), len(p), hex(p))
print(p[1], 2 in p, 3 in p, list(p), p < 1, p == 1, p != 1)
p[4] = 5
del p[4]
p.w = 10
print(n.w, p.w)
del p.w
print(hasattr(n, "w"), hasattr(p, "w"))
q = p
q += 1
print(q)
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
print(weakref.ProxyType.__hash__, weakref.proxy(n) is p)

def f(*args, **kw):
    return args, kw

pf = weakref.proxy(f)
print(type(pf).__name__, type(pf) is weakref.CallableProxyType, pf(1, k=2), pf.__name__)
print(hasattr(weakref.CallableProxyType, "__bytes__"), hasattr(weakref.ProxyType, "__bytes__"),
      hasattr(weakref.ProxyType, "__call__"))


class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i

it = It()
pit = weakref.proxy(it)
print(next(pit), iter(pit) is it, list(pit))
try:
    next(p)
except TypeError as e:
    print("TypeError", e)

calls = []
pc = weakref.proxy(n, lambda r: calls.append(r is pc))
print(pc is p, weakref.getweakrefcount(n), weakref.getweakrefs(n) == [p, pc] or weakref.getweakrefs(n))
del n, q
gc.collect()
print(calls)
for op in (lambda: p.v, lambda: p + 1, lambda: 1 + p, lambda: str(p), lambda: bool(p), lambda: len(p),
           lambda: p[0], lambda: 1 in p, lambda: iter(p), lambda: p < 1, lambda: -p, lambda: bytes(p)):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError", e)
del f
gc.collect()
try:
    pf()
except ReferenceError as e:
    print("ReferenceError", e)
try:
    p.x = 1
except ReferenceError as e:
    print("ReferenceError", e)
print(repr(p).startswith("<weakproxy at 0x"), repr(p).split(" to ")[1].split(" at ")[0])

for bad in (1, "s", [], None):
    try:
        weakref.proxy(bad)
    except TypeError as e:
        print("TypeError", e)
for args in ((), (1, 2, 3)):
    try:
        weakref.proxy(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.ProxyType()
except TypeError as e:
    print("TypeError", e)
