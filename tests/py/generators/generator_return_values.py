def g():
    yield 1
    return "ret"
print([x for x in g()])
def capture():
    r = yield from g()
    yield r
print(list(capture()))
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e), e.value, e.args)
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def ret_stopiteration_obj():
    return StopIteration("inner")
    yield
try:
    next(ret_stopiteration_obj())
except StopIteration as e:
    print(repr(e.value))
def ret_none():
    yield 1
    return None
x = ret_none(); next(x)
try:
    next(x)
except StopIteration as e:
    print(e.value, e.args)
