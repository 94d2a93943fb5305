def f(a, b=1, *args, c, d=2, **kw):
    "the docstring"
    x = 1
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__defaults__, f.__kwdefaults__)
c = f.__code__
print(c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount, c.co_varnames, c.co_name)
f.custom = "hello"
print(f.custom, f.__dict__)
def g(): pass
print(g.__doc__, g() is None)
g.__name__ = "renamed"
print(g.__name__, g.__qualname__)
class K:
    def meth(self):
        def inner(): pass
        return inner
print(K.meth.__qualname__, K().meth().__qualname__)
print(callable(f), callable(1), type(f).__name__)
def p(x, y, /, z): pass
print(p.__code__.co_posonlyargcount, p.__code__.co_argcount)
print((lambda: 0).__name__, (lambda: 0).__qualname__)
try:
    f.__code__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(f.__globals__ is globals())
