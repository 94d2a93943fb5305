def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name, gen.gi_suspended)
next(gen)
print(gen.gi_suspended, gen.gi_frame.f_lineno)
list(gen)
print(gen.gi_frame, gen.gi_suspended)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
def watch_running():
    yield me2.gi_running
me2 = watch_running()
print(next(me2))
def delegate():
    yield from inner()
def inner():
    yield 1
d = delegate()
print(d.gi_yieldfrom)
next(d)
print(d.gi_yieldfrom.__name__ if d.gi_yieldfrom else None)
print(iter(d) is d, hasattr(d, "__next__"), hasattr(d, "send"))
