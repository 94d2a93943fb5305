def g():
    r = yield from [1, 2]
    print("result of yield from list:", r)
    r = yield from range(3, 5)
    yield from "xy"
    yield from (i for i in [9])
    yield from {"k": 1}
print(list(g()))
def to_list():
    yield from [10, 20]
gen = to_list()
print(next(gen))
try:
    gen.send("value")
except AttributeError as e:
    print(type(e).__name__, e)
gen2 = to_list()
next(gen2)
try:
    gen2.throw(KeyError("thrown into list iterator"))
except KeyError as e:
    print("thrown through:", repr(e))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)
class WithClose:
    def __iter__(self): return self
    def __next__(self): return "v"
    def close(self): print("close called on subiterator")
def delegate():
    yield from WithClose()
dg = delegate()
next(dg)
dg.close()
