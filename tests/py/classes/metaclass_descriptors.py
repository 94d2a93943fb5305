class Meta(type):
    @property
    def table(cls):
        return cls.__name__.lower() + "s"
    def describe(cls):
        return f"class {cls.__name__}"
class Model(metaclass=Meta):
    pass
class User(Model):
    pass
print(User.table, Model.table, User.describe())
try:
    User().table
except AttributeError as e:
    print(type(e).__name__, e)
try:
    User().describe()
except AttributeError as e:
    print(type(e).__name__, e)
class Counted(type):
    def __init__(cls, *a):
        super().__init__(*a)
        cls.instances = 0
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        cls.instances += 1
        return obj
class W(metaclass=Counted):
    pass
class V(W): pass
W(); W(); V()
print(W.instances, V.instances)
class ClsAttr:
    def __get__(self, obj, owner):
        return ("instance" if obj is not None else "class", owner.__name__)
class Host:
    a = ClsAttr()
print(Host.a, Host().a)
