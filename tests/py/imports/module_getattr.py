import mod_getattr
print(mod_getattr.defined, mod_getattr.lazy_thing, getattr(mod_getattr, "lazy_x", None))
try:
    mod_getattr.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(dir(mod_getattr))
from mod_getattr import lazy_imported
print(lazy_imported)
try:
    from mod_getattr import not_lazy
except ImportError as e:
    print(type(e).__name__, e)
import sys
try:
    sys.no_such_attribute
except AttributeError as e:
    print(type(e).__name__, e)
