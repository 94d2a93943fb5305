class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, key)
        if key:
            Plugin.registry[key] = cls
class CSV(Plugin, key="csv"): pass
class JSON(Plugin, key="json"): pass
class Helper(Plugin): pass
print(sorted((k, v.__name__) for k, v in Plugin.registry.items()))
class Deeper(CSV, key="deep"): pass
print(sorted(Plugin.registry))
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __init_subclass__(cls):
        cls.tag = cls.__name__.lower()
class One(Base): pass
class Two(One): pass
print(One.tag, Two.tag, hasattr(Base, "tag"))
try:
    class NoKw(kw=1): pass
except TypeError as e:
    print(type(e).__name__, e)
