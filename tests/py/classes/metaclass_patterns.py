class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {k: v for k, v in ns.items() if not k.startswith("_") and isinstance(v, int)}
        return cls
    def __iter__(cls):
        return iter(sorted(cls._members.items(), key=lambda kv: kv[1]))
    def __len__(cls):
        return len(cls._members)
    def __getitem__(cls, name):
        return cls._members[name]
    def __contains__(cls, v):
        return v in cls._members.values()
    def __repr__(cls):
        return f"<enum {cls.__name__}>"
class Color(metaclass=EnumMeta):
    RED = 1
    BLUE = 3
    GREEN = 2
print(list(Color), len(Color), Color["BLUE"], 2 in Color, 5 in Color, Color)
class SingletonMeta(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=SingletonMeta):
    def __init__(self):
        print("Config init")
print(Config() is Config())
class AutoRepr(type):
    def __new__(mcls, name, bases, ns):
        fields = ns.get("fields", ())
        def __init__(self, *args):
            for f, a in zip(fields, args):
                setattr(self, f, a)
        def __repr__(self):
            return f"{name}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
        ns["__init__"] = __init__
        ns["__repr__"] = __repr__
        return super().__new__(mcls, name, bases, ns)
class Point(metaclass=AutoRepr):
    fields = ("x", "y")
print(Point(1, "two"))
class AttrMeta(type):
    def __getattr__(cls, name):
        return f"meta-provided {name}"
class Q(metaclass=AttrMeta):
    real = 1
print(Q.real, Q.virtual)
try:
    Q().virtual
except AttributeError as e:
    print(type(e).__name__, e)
