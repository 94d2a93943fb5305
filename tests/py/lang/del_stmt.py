x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
l = list(range(10))
del l[0]
print(l)
del l[::2]
print(l)
del l[1:3]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
class C: pass
c = C()
c.a = 1
del c.a
try:
    del c.a
except AttributeError as e:
    print(type(e).__name__, e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
lst = [[1, 2], [3]]
del lst[0][1]
print(lst)
try:
    del l[100]
except IndexError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
