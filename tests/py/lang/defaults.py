def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1))
print(f(2, 3))
print(f(3, c=[]))
print(f(4))
print(f.__defaults__)
x = 10
def g(v=x):
    return v
x = 20
print(g())
def h(a, *, k=5, m):
    return a, k, m
print(h(1, m=2))
print(h.__kwdefaults__)
g.__defaults__ = (99,)
print(g())
def none_default(a=None):
    if a is None:
        a = []
    a.append(1)
    return a
print(none_default(), none_default())
def evalorder(a=print("default evaluated")):
    return a
print("after def")
print(evalorder())
