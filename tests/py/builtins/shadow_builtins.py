print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
def f():
    return max([1, 3, 2])
def max(*a):
    return "module max"
print(f())
del max
print(f())
import sys
b = sys.modules["builtins"]
orig_abs = b.abs
b.abs = lambda x: "patched builtin"
print(abs(-1))
b.abs = orig_abs
print(abs(-1))
def uses_print():
    print = lambda *a: sys.stdout.write("local print\n")
    print("x")
uses_print()
print("builtin print restored")
try:
    del print
except NameError as e:
    print(type(e).__name__, e)
