import gc
import weakref
class Obj:
    pass
def fail(out):
    local = Obj()
    out.append(weakref.ref(local))
    raise ValueError("boom")
refs = []
saved = None
try:
    fail(refs)
except ValueError as e:
    saved = e
gc.collect()
print(refs[0]() is not None, saved.__traceback__ is not None)
saved = None
gc.collect()
print(refs[0]())
refs.clear()
try:
    fail(refs)
except ValueError:
    pass
gc.collect()
print(refs[0]())
def handler_keeps():
    try:
        fail(refs)
    except ValueError as e:
        return e
kept = handler_keeps()
gc.collect()
print(refs[-1]() is not None)
kept.__traceback__ = None
gc.collect()
print(refs[-1]())
