import sys
import pkg_lazy
print(pkg_lazy.TOP, "pkg_lazy.sub" in sys.modules)
try:
    pkg_lazy.sub
except AttributeError as e:
    print(type(e).__name__, e)
import pkg_lazy.sub
print(pkg_lazy.sub.SUB, "pkg_lazy.sub" in sys.modules, sys.modules["pkg_lazy.sub"] is pkg_lazy.sub)
del pkg_lazy.sub
import pkg_lazy.sub
print(hasattr(pkg_lazy, "sub"))
from pkg_lazy import sub
print(sub.SUB)
