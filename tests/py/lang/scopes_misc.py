def f():
    return locals()
print(f())
def g(a, b=2):
    c = a + b
    return sorted(locals().items())
print(g(1))
x = 1
def h():
    print(x)
h()
def k():
    x = 2
    def inner():
        return x
    x = 3
    return inner()
print(k())
try:
    exec("print(undef_var)")
except NameError as e:
    print(type(e).__name__, e)
def u():
    if False:
        v = 1
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(u())
class C:
    a = 1
    def meth(self):
        try:
            return a
        except NameError as e:
            return str(e)
print(C().meth())
