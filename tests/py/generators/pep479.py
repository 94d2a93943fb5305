def gen():
    yield 1
    raise StopIteration("explicit")
try:
    print(list(gen()))
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
def gen_next():
    it = iter([1])
    yield next(it)
    yield next(it)
try:
    print(list(gen_next()))
except RuntimeError as e:
    print(type(e).__name__, e)
def gen_return():
    yield 1
    return "value"
print(list(gen_return()))
def gen_catch():
    try:
        yield next(iter([]))
    except StopIteration:
        yield "caught StopIteration inside"
print(list(gen_catch()))
def subclass():
    class MyStop(StopIteration): pass
    yield 1
    raise MyStop
try:
    list(subclass())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("fine in __next__")
print(list(It()))
