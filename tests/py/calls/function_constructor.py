# types.FunctionType(code, globals, name=None, argdefs=None, closure=None).
import types


def f(a, b=2):
    "doc of f"
    return a + b


def mk():
    x = 1

    def g():
        return x

    return g


g = mk()
bad = [
    (),
    (1, {}),
    (f.__code__, 1),
    (f.__code__, {}, 1),
    (f.__code__, {}, None, 1),
    (f.__code__, {}, None, None, (1,)),
    (g.__code__, {}),
    (g.__code__, {}, None, None, (1,)),
    (g.__code__, {}, None, None, 5),
    (f.__code__, {}, None, None, 5),
]
for args in bad:
    try:
        types.FunctionType(*args)
    except Exception as e:
        print(type(e).__name__, e)
h = types.FunctionType(g.__code__, {}, "nm", None, g.__closure__)
print(h(), h.__name__, h.__qualname__, h.__doc__)
k = types.FunctionType(f.__code__, {}, argdefs=(5,))
print(k(1), k.__defaults__, k.__kwdefaults__, k.__module__, k.__doc__)
k = types.FunctionType(f.__code__, {"__name__": "zz"})
print(k.__module__, k.__builtins__ is __builtins__.__dict__)
try:
    k(1)
except TypeError as e:
    print(e)
k2 = types.FunctionType(f.__code__, {"__builtins__": {"x": 1}})
print(k2.__builtins__)
print(k2(1, 2))


def uses_global():
    return value


for n in range(3):
    fn = types.FunctionType(uses_global.__code__, {"value": n * 10})
    print(fn())
