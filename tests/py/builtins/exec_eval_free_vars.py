# eval() and exec() of a code object with free variables: eval refuses it,
# exec needs a closure of exactly the right cells (3.11's closure=).
def f(x):
    return lambda: x + 1

g = f(3)

def cells(*values):
    def make(v):
        def h():
            return v
        return h.__closure__[0]
    return tuple(make(v) for v in values)

try:
    eval(g.__code__)
except TypeError as e:
    print("TypeError", e)
for kw in [{}, {"closure": None}, {"closure": (1,)}, {"closure": cells(1, 2)},
           {"closure": list(cells(1))}]:
    try:
        exec(g.__code__, {}, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    exec(compile("1", "s", "exec"), {}, closure=cells(1))
except TypeError as e:
    print("TypeError", e)
try:
    exec("1", {}, closure=cells(1))
except TypeError as e:
    print("TypeError", e)
exec(compile("print('no free vars')", "s", "exec"), {}, closure=None)

src = '''
def outer():
    x = 21
    def inner():
        global seen
        y = x * 2
        seen = (x, y)
        print('inner', x, y)
    return inner
'''
ns = {}
exec(src, ns)
inner = ns["outer"]()
g2 = {}
exec(inner.__code__, g2, closure=inner.__closure__)
print(g2["seen"])
c = cells(5)
exec(inner.__code__, g2, None, closure=c)
print(g2["seen"])
# The cells are shared, not copied.
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
    def get():
        return n
    return bump, get
bump, get = counter()
exec(bump.__code__, {}, closure=bump.__closure__)
exec(bump.__code__, {}, closure=bump.__closure__)
print(get())
