types = [int, float, complex, bool, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice, type, object, memoryview, property, staticmethod, classmethod, super, enumerate, zip, map, filter, reversed, type(None), type(...), type(NotImplemented)]
for t in types:
    print(t.__name__, t.__qualname__, t.__module__, repr(t))
def f(): pass
print(type(f).__name__, type(f).__module__, type(lambda: 0).__qualname__, type(print).__name__, type((x for x in [])).__name__)
class Local: pass
print(Local.__module__, Local.__qualname__, repr(Local))
