# `from pkg import sub` where sub itself imports a missing module: the
# ModuleNotFoundError for that inner module propagates (CPython's
# _handle_fromlist ignores only the one for pkg.sub itself).
import sys

try:
    from pkg_inner_missing import broken
    print("imported", broken)
except ImportError as e:
    print(type(e).__name__, e, e.name)
print("pkg_inner_missing.broken" in sys.modules)

try:
    from pkg_inner_missing import absent
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)

try:
    from pkg_inner_missing import *
    print("star ok")
except ImportError as e:
    print(type(e).__name__, e)
