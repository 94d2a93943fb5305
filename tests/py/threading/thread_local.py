# _thread._local with one thread: an object whose attributes live in its
# own dict (read-only __dict__), subclasses with __init__ arguments,
# __slots__, descriptors, __getattr__.
import _thread

def t(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, str(e))
    else:
        print(label, '=', repr(r))

L = _thread._local
x = L()
print(type(x).__name__, L.__module__, L.__mro__, x.__dict__)
x.a = 1
x.b = [2]
print(x.a, x.b, x.__dict__, vars(x), sorted(k for k in dir(x) if not k.startswith('__')))
x.a += 10
del x.b
print(x.__dict__, hasattr(x, 'b'), getattr(x, 'b', 'dflt'))
x.__dict__['c'] = 3
print(x.c, x.__dict__ is x.__dict__, x.__class__.__name__)
t('missing', lambda: x.zz)
t('del missing', lambda: delattr(x, 'zz'))
t('set __dict__', lambda: setattr(x, '__dict__', {}))
t('del __dict__', lambda: delattr(x, '__dict__'))
t('init args', lambda: L(1))
t('init kwargs', lambda: L(a=1))
t('object getattr', lambda: object.__getattribute__(x, 'c'))
t('local getattr', lambda: L.__getattribute__(x, 'c'))
L.__setattr__(x, 'd', 4)
print(x.d, x == x, x != L(), hash(x) == hash(x))
L.__delattr__(x, 'd')
print(sorted(x.__dict__))

class Sub(L):
    kind = 'class attr'
    def __init__(self, a, b=2, **kw):
        self.a = a
        self.b = b
        self.kw = kw
    def total(self):
        return self.a + self.b
s = Sub(1, b=5, extra=True)
print(s.a, s.b, s.kw, s.total(), s.kind, sorted(s.__dict__))
s.kind = 'instance'
print(s.kind, Sub.kind)
t('sub missing', lambda: s.nope)
t('sub set dict', lambda: setattr(s, '__dict__', 1))
class NoInit(L):
    pass
t('no init args', lambda: NoInit(1))
print(type(NoInit()).__name__)
class WithNew(L):
    def __new__(cls, *args, **kw):
        return super().__new__(cls, *args, **kw)
    def __init__(self, *args, **kw):
        self.args = args
print(WithNew(1, 2).args)

class Slotted(L):
    __slots__ = ('q',)
sl = Slotted()
sl.q = 5
sl.r = 6
print(sl.q, sl.r, sl.__dict__)
del sl.q
t('slot deleted', lambda: sl.q)

class Props(L):
    @property
    def p(self):
        return 'property'
    @p.setter
    def p(self, v):
        print('  setter', v)
pr = Props()
pr.p = 1
print(pr.p, pr.__dict__)
pr.__dict__['p'] = 'from dict'
print(pr.p)          # the property (a data descriptor) wins for a subclass
x.__dict__['__class__'] = 'shadow'
print(x.__class__)   # the exact type looks at its dict first

class Fallback(L):
    def __getattr__(self, name):
        return 'fallback:' + name
fb = Fallback()
fb.real = 1
print(fb.real, fb.other)

class Counter(L):
    count = 0
    def __init__(self):
        Counter.count += 1
        self.n = Counter.count
c1, c2 = Counter(), Counter()
print(c1.n, c2.n, Counter.count)
