import gc
import weakref
refs = []
for i in range(50):
    C = type(f"Dyn{i}", (object,), {"x": i, "m": lambda self: self.x})
    inst = C()
    refs.append(weakref.ref(C))
    assert inst.m() == i
del C, inst
gc.collect()
print(sum(1 for r in refs if r() is not None))
class Base:
    pass
def make_sub():
    class Sub(Base):
        def method(self):
            return __class__
    return weakref.ref(Sub)
w = make_sub()
gc.collect()
print(w(), [c.__name__ for c in Base.__subclasses__()])
