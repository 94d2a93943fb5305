a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c), type(id(a)).__name__)
print(None is None, True is True, ... is Ellipsis, NotImplemented is NotImplemented, type(None) is type(None))
x = object()
y = x
print(x is y, x is not object(), id(x) == id(y))
def same(o):
    return o
print(same(a) is a, [a][0] is a, {"k": a}["k"] is a, (a,)[0] is a)
s = "some string"
t = s
print(s is t, s[:] == s, str(s) == s)
class C: pass
o1, o2 = C(), C()
print(o1 is o2, o1 is not o2, id(o1) != id(o2))
print(int is int, type(1) is int, type(True) is bool, type(type) is type, isinstance(type, type))
