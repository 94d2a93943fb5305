# An attribute deleted from (or replaced in) a class dies at the next
# collection once nothing else refers to it, however often it was looked up
# before (test_weakref's WeakMethod tests: `del C.some_method`).
import gc
import weakref


def make_class():
    class C:
        def method(self):
            return 6

        attr = [1, 2, 3]

    return C


C = make_class()
o = C()
for _ in range(3):
    o.method()          # through the method cache
    getattr(o, "method")
    C.method            # through the type
    C.attr
r_method = weakref.ref(C.__dict__["method"])
wm = weakref.WeakMethod(o.method)
del C.method
gc.collect()
print(r_method(), wm())
print(hasattr(o, "method"))


class Holder:
    pass


h = Holder()
C.attr = h
r_attr = weakref.ref(h)
del h
for _ in range(3):
    C.attr
    o.attr
C.attr = None
gc.collect()
print(r_attr(), o.attr)


# A subclass's lookups of an inherited function that is then deleted from
# the base.
class Base:
    def f(self):
        return "base"


class Sub(Base):
    pass


s = Sub()
print(s.f(), Sub.f(s))
r_f = weakref.ref(Base.__dict__["f"])
del Base.f
gc.collect()
print(r_f(), hasattr(s, "f"))

# A class that dies takes its functions with it.
C2 = make_class()
C2().method()
r_m2 = weakref.ref(C2.__dict__["method"])
r_c2 = weakref.ref(C2)
del C2
gc.collect()
print(r_m2(), r_c2())
