# Messages name a C type of a module as "module.name" (CPython's tp_name),
# while __name__, __qualname__ and method qualnames use the bare name.
import itertools
import types
import weakref


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, "|", e)


show(lambda: itertools.count().x)
show(lambda: setattr(itertools.count(), "y", 1))
show(lambda: itertools.repeat(1).__length_hint__(1))
show(lambda: itertools.count.__next__(5))
show(lambda: hash(weakref.proxy(itertools.count)))
show(lambda: len(itertools.chain()))
show(lambda: itertools.chain()[0])
show(lambda: types.SimpleNamespace().missing)
show(lambda: {types.SimpleNamespace(): 1})
show(lambda: int(types.GenericAlias(list, int)))
show(lambda: weakref.ref(itertools.count()).nope)


class Sub(itertools.count):
    pass


show(lambda: Sub().x)
print(itertools.count.__name__, itertools.count.__qualname__, itertools.count.__module__)
print(itertools.count, Sub, type(weakref.ref(Sub)))
print(itertools.count.__next__, itertools.count.__reduce__)
print(repr(itertools.count.__next__.__qualname__), itertools.count.__next__.__objclass__)
print(types.SimpleNamespace.__name__, types.SimpleNamespace, types.GenericAlias)


def subclass(base):
    class X(base):
        pass


show(lambda: subclass(type(itertools.groupby([1]).__next__()[1])))
show(lambda: subclass(bool))
show(lambda: subclass(type(None)))
