class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner, self.name = owner.__name__, name
class Model:
    a = Field()
    b = Field()
    not_field = 1
print(Model.a.name, Model.b.owner)
f = Field()
class Late: pass
Late.x = f
print(hasattr(f, "name"))
shared = Field()
class Two:
    first = shared
    second = shared
print(shared.name)
class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)
try:
    class Host:
        item = Boom()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
