# __builtins__: the module in __main__, the builtins dict in an imported
# module's globals and in exec()'s; a function takes the builtins of its
# globals, or the running code's when its globals have none.
import builtins
import textwrap

print(__builtins__ is builtins)
import mod_builtins_probe

print(mod_builtins_probe.kind, mod_builtins_probe.f.__builtins__ is builtins.__dict__)

ns = {}
exec("x = 1", ns)
print(type(ns["__builtins__"]).__name__, ns["__builtins__"] is builtins.__dict__)

code = textwrap.dedent("""
    def func3(s): pass
    func4 = type(func3)(func3.__code__, {})
""")
safe_builtins = {"None": None}
ns = {"type": type, "__builtins__": safe_builtins}
exec(code, ns)
print(ns["func3"].__builtins__ is safe_builtins, ns["func4"].__builtins__ is safe_builtins)
print("__builtins__" in ns["func4"].__globals__)


def func(s):
    return len(s)


func2 = type(func)(func.__code__, {})
print(func2.__builtins__ is builtins.__dict__, func2("abc"))


# A rich comparison whose descriptor fails is NotImplemented.
def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)
    __lt__ = property(booh)


e = E()
print(e == e, E() == E(), e != e)
try:
    e < E()
except TypeError as exc:
    print("TypeError", exc)


# A slot wrapper of another class is called unbound: its TypeError stays.
class A(int):
    __eq__ = str.__eq__


try:
    A() == A()
except TypeError as exc:
    print("TypeError", exc)
