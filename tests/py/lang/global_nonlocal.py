g = 1
def read():
    return g
def write():
    global g
    g = 2
print(read()); write(); print(read(), g)
def newglobal():
    global fresh
    fresh = "made"
newglobal()
print(fresh)
def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    g = 3
unbound()
def outer():
    x = 0
    def a():
        nonlocal x
        x += 10
    def b():
        nonlocal x
        x *= 2
    a(); b(); a()
    return x
print(outer())
def nl_chain():
    v = 'L0'
    def f1():
        def f2():
            nonlocal v
            v = 'L2'
        f2()
    f1()
    return v
print(nl_chain())
class K:
    g = 'class-level'
    def m(self):
        return g
print(K().m(), K.g)
def del_global():
    global g
    del g
del_global()
try:
    g
except NameError as e:
    print(type(e).__name__, e)
x = 'module'
def f():
    x = 'f'
    class C:
        print(x)
        x = 'C'
        print(x)
    return C.x
print(f())
