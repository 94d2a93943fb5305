# A `global` declaration in any nested function makes the module block use
# the global namespace for that name (CPython's symbol table): visible with
# exec() and distinct globals and locals.
src = '''if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    z = 5
    g, h = f()
    result9 = g()
    result2 = h()
'''
g, l = {}, {}
exec(src, g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l))
print(g["y"], l["result9"], l["result2"])

src2 = '''
x = 7
def f():
    x = 1
    def g():
        global x
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
r = f()
print(r, x)
def k():
    global w
    w = 3
k()
print(w)
'''
g, l = {}, {}
exec(src2, g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l))
