o = object()
print(type(o).__name__, str(o).startswith("<object object at "), o == o, o != object(), hash(o) == hash(o))
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__name__, object.__bases__, object.__mro__, isinstance(1, object), issubclass(type, object))
print([n for n in sorted(dir(o)) if n not in ("__getstate__",)])
print(o.__class__, object.__new__(object).__class__ is object)
class Plain(object):
    pass
p = Plain()
p.x = 1
print(p.x, Plain.__bases__, Plain.__base__)
print(object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1), object.__lt__(o, o))
