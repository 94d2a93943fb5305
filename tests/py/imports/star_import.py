from mod_all import *
print(sorted(k for k in dir() if not k.startswith("__")))
print(public_a, public_b, _exported_private)
try:
    not_listed
except NameError as e:
    print(type(e).__name__, e)
from mod_noall import *
print(sorted(k for k in dir() if not k.startswith("__")))
print(visible, visible_func(), VisibleClass.__name__)
try:
    _underscore
except NameError as e:
    print(type(e).__name__, e)
def f():
    exec("from mod_all import *")
try:
    compile("def g():\n    from mod_all import *\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
