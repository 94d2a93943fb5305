a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [("w", 0)]
print(c)
try:
    a | [("w", 0)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    c |= 5
except TypeError as e:
    print(type(e).__name__, e)
print({**a, **b}, dict(a, **b), {**b, "y": "last"})
a.update(b, q=1)
print(a)
a.update([("k", "v")])
a.update()
print(a)
try:
    a.update(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.update([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
class M(dict):
    pass
print(type(M(a=1) | {}).__name__, type({} | M(a=1)).__name__)
