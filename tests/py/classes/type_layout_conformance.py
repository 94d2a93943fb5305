# type() namespaces, __slots__ checks, member descriptors, __itemsize__,
# secondary bases providing __dict__/__weakref__, and the attribute hooks
# (CPython's test_descr / test_builtin / test_list cases, as one program).
import collections
import gc
import types


def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)


# __slots__ checks
t("bytes slots", lambda: type('A', (), {'__slots__': b'x'}))
t("int var slots", lambda: type('A', (int,), {'__slots__': 'x'}))
t("empty", lambda: type('A', (), {'__slots__': ''}))
t("digit", lambda: type('A', (), {'__slots__': '42'}))
t("nul", lambda: type('A', (), {'__slots__': 'x\x00y'}))
t("chr128", lambda: type('A', (), {'__slots__': [chr(128)]}))
t("conflict", lambda: type('A', (), {'__slots__': 'x', 'x': 0}))
t("dict twice", lambda: type('A', (), {'__slots__': ('__dict__', '__dict__')}))
t("weakref twice", lambda: type('A', (), {'__slots__': ('__weakref__', '__weakref__')}))
class B:
    pass
t("dict again", lambda: type('A', (B,), {'__slots__': '__dict__'}))
t("weakref again", lambda: type('A', (B,), {'__slots__': '__weakref__'}))
class I(int):
    pass
print("int subclass __weakref__:", '__weakref__' in I.__dict__)

# namespace order follows the mapping's iteration
od = collections.OrderedDict([('a', 1), ('b', 2)])
od.move_to_end('a')
C = type('C', (), od)
print(list(C.__dict__.items())[:2])

# names and docs must encode to UTF-8
t("surrogate name", lambda: type('A\udcdcB', (), {}))
t("surrogate doc", lambda: type('A', (), {'__doc__': 'x\udcdcy'}))
A = type('A', (), {})
def set_name():
    A.__name__ = 'A\udcdcB'
t("set surrogate name", set_name)
print(A.__name__)

# __weakref__ / __dict__ in __slots__, and from secondary bases
class D:
    __slots__ = ["__dict__"]
class W:
    __slots__ = ["__weakref__"]
w = W()
print("W:", hasattr(w, "__weakref__"), hasattr(w, "__dict__"))
class C1(W, D):
    __slots__ = []
class C2(D, W):
    __slots__ = []
for cls in (C1, C2):
    a = cls()
    a.foo = 42
    print(cls.__name__, hasattr(a, "__dict__"), hasattr(a, "__weakref__"), a.__dict__)

# __classcell__ and __qualname__ may be slots
class Meta(type):
    def __new__(cls, name, bases, namespace, attr):
        print("in namespace:", attr in namespace)
        return super().__new__(cls, name, bases, namespace)
class P:
    def __init__(self):
        self.b = 42
class Q(P, metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(type(Q.__dict__["__classcell__"]).__name__)
q = Q()
print(q.b, hasattr(q, "__classcell__"))
q.__classcell__ = 42
print(q.__classcell__)
def bad_classcell():
    class C3:
        __classcell__ = 42
        __slots__ = ["__classcell__"]
t("classcell variable", bad_classcell)

# member descriptors of builtin types
print(type(complex.real).__name__, complex.real.__qualname__, repr(complex.real.__doc__))
print(type(property.fget).__name__)
p = property()
for attr in ("fget", "fset", "fdel"):
    t("set " + attr, lambda: setattr(p, attr, 42))
print((3+4j).imag, type('Z', (complex,), {})(5).real)

# __itemsize__
print([c.__itemsize__ for c in (object, int, bool, bytes, tuple, list, str, type)])
class T(tuple):
    pass
print(T.__itemsize__)

# list/tuple of a subclass iterate it; a lying length hint is ignored
class LyingTuple(tuple):
    def __iter__(self):
        yield 1
class LyingList(list):
    def __iter__(self):
        yield 1
print(list(LyingTuple((2,))), tuple(LyingList([2])), list(LyingList([2])), tuple(LyingTuple((2,))))
x = [0]
x.extend(LyingList([5, 6]))
print(x)
class CustomIter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
    def __length_hint__(self):
        import sys
        return sys.maxsize
a = [1, 2, 3, 4]
a.extend(CustomIter())
print(a)

# dir() of a module whose __dict__ is not a dict; dir() with mapping locals
class M(types.ModuleType):
    __dict__ = 8
t("module dir", lambda: dir(M("m")))
class DL(dict):
    def keys(self):
        return list('zyx')
print(eval('dir()', globals(), DL(a=1)))

# generator names are writable
def gen():
    yield 1
g = gen()
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__)
t("name to int", lambda: setattr(g, "__name__", 1))
async def agen():
    yield 1
ag = agen()
ag.__name__ = "agen2"
print(ag.__name__)

# __getattribute__ deleting __getattr__: the one found first is called
class F:
    def __getattr__(self, name):
        print("__getattr__ called")
        raise AttributeError(name)
    def __getattribute__(self, name):
        del F.__getattr__
        for i in range(3):
            gc.collect()
        raise AttributeError(name)
t("evil getattribute", lambda: getattr(F(), "attr"))

# builtin static methods know their type; mappingproxy[...]; a str's
# __getnewargs__ is a copy; a traceback's dir() is its four attributes
print(str.maketrans.__qualname__, bytes.maketrans.__qualname__, str.maketrans.__self__)
print(repr(str.maketrans).startswith("<built-in method maketrans of type object at "))
print(types.MappingProxyType[int], types.MappingProxyType.__class_getitem__.__doc__)
s = 'abc'
print(s.__getnewargs__() == ('abc',), s.__getnewargs__()[0] is s)
try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__), type(type(e.__traceback__).__dict__['tb_lineno']).__name__)

# a function's __code__ must have as many free variables as its closure
def plain():
    pass
def outer():
    y = 1
    def inner():
        return y
    return inner
inner = outer()
for a, b in ((plain, inner), (inner, plain)):
    try:
        a.__code__ = b.__code__
    except ValueError as e:
        print(e)
print(type(plain.__globals__).__name__, type(type(plain).__dict__['__globals__']).__name__)
