def f(a, b): return a, b
def boom():
    raise ValueError("boom in arg")
order = []
def note(v):
    order.append(v)
    return v
try:
    f(note(1), boom())
except ValueError as e:
    print(e, order)
order.clear()
try:
    f(note(1), note(2), note(3))
except TypeError as e:
    print(e, order)
order.clear()
try:
    undefined_fn(note("evaluated?"))
except NameError as e:
    print(e, order)
try:
    f(*note([1]), **note({"c": 1}))
except TypeError as e:
    print(e, order)
