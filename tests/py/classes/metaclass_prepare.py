class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, dict(ns))
class A(metaclass=OrderedMeta, option=1):
    print("body sees", injected)
    z = 1
    a = 2
print([k for k in A.__dict__ if not k.startswith("__")])
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)
class RecMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns.order if not k.startswith("__")]
        return cls
class B(metaclass=RecMeta):
    second = 2
    first = 1
    def method(self): pass
    second = 3
print(B.order, B.second)
class NoDictPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class C(metaclass=NoDictPrepare): pass
except TypeError as e:
    print(type(e).__name__, e)
