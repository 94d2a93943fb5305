# The dict locals() returns in a function is not rewritten when the frame
# returns: f_locals of the dead frame refreshes it (as CPython 3.11).
import sys
def f(w):
    out = locals()
    print(out)
    del out["w"]
    print(out)
    return out
print(f(42))
def g(w):
    match w:
        case 42:
            out = locals()
            del out["w"]
            return out
print(g(42))
def f(w):
    out = locals()
    x = 5
    return out, sys._getframe()
d, fr = f(1)
print(d)
print(fr.f_locals is d, d)
d["extra"] = 1
del d["w"]
print(fr.f_locals)
def g():
    a = 1
    return sys._getframe()
print(g().f_locals)
