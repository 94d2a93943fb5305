def f(*a):
    return *a, "end"
print(f(1, 2))
def g(lst):
    return [*lst, *lst]
print(g("ab"))
def h():
    yield *range(2), 9
print(list(h()))
x = *range(3),
print(x)
for v in *"ab", "c":
    print(v, end=" ")
print()
print({*"aa", *"b"} == {"a", "b"})
print(dict(**{"a": 1}), {**{}})
def kw(**k): return k
print(kw(**{"x": 1}, **{"y": 2}))
try:
    kw(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    kw(**[1])
except TypeError as e:
    print(type(e).__name__, e)
