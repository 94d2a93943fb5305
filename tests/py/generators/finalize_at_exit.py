# At exit, after the atexit callbacks, what is still alive is finalized as
# CPython's module teardown finalizes what the modules' globals held: a
# suspended generator's finally runs (globals in the order they were made,
# in a cycle too), a coroutine never awaited warns at "sys:1"
# (docs/interp.md, "Finalization of generators").
import atexit
import sys


def gen(name):
    try:
        yield 1
    finally:
        print("finally", name, "finalizing:", sys.is_finalizing())


def with_gen():
    class Resource:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            print("exit", exc[0].__name__)
    with Resource():
        yield 1


async def never():
    pass


class Holder:
    pass


first = gen("first")
next(first)
second = gen("second")
next(second)
w = with_gen()
next(w)
h = Holder()
h.me = h  # a cycle
h.g = gen("in a cycle")
next(h.g)
c = never()
done = gen("finished")
print(list(done))
unstarted = gen("unstarted")
atexit.register(lambda: print("atexit"))
print("end")
