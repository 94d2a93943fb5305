class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a)
print(a.__eq__(b), a.__ne__(a), a.__lt__(b))
print(Plain.__eq__ is object.__eq__, Plain.__hash__ is object.__hash__)
r = repr(a)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"), str(a) == r)
print(format(a) == str(a), a.__format__("") == str(a))
print(a.__class__.__name__, type(a).__mro__)
print(object.__init__ is Plain.__init__, object.__new__ is Plain.__new__)
class EqSelf:
    def __eq__(self, o): return "eq-result"
print(EqSelf() != EqSelf(), EqSelf().__ne__(1))
print(object().__reduce_ex__ is not None, hasattr(a, "__sizeof__"), a.__subclasshook__() if False else "")
print(sorted(set(dir(object())) - {"__init_subclass__", "__subclasshook__", "__reduce__", "__reduce_ex__", "__sizeof__", "__getstate__"}))
