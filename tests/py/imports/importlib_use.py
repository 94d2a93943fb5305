# importlib's entry points over Pyrite's imports: import_module (absolute,
# relative, packages, builtin and missing modules), util.find_spec,
# reload, and the finders on sys.meta_path once importlib is imported.
import importlib
import importlib.util
import sys

m = importlib.import_module("mod_simple")
print(m.__name__, type(m.__spec__.loader).__name__, m.__spec__.origin.endswith("mod_simple.py"))
print(importlib.import_module("mod_simple") is m)
print(importlib.import_module("pkg_basic").__name__)
print(importlib.import_module(".sub", "pkg_basic").__name__ if importlib.util.find_spec("pkg_basic.sub") else "no sub")
print(importlib.import_module("math").__spec__.origin)
for name in ["no_such_module_for_pyrite_tests", "pkg_basic.no_such_sub"]:
    try:
        importlib.import_module(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TypeError", e)

spec = importlib.util.find_spec("mod_counter")
print(spec.name, spec.origin.endswith("mod_counter.py"), spec.submodule_search_locations)
print(importlib.util.find_spec("no_such_module_for_pyrite_tests"))
print(importlib.util.find_spec("gc").origin)
print("mod_counter" in sys.modules)

import mod_counter
before = mod_counter.__dict__.get("count")
again = importlib.reload(mod_counter)
print(again is mod_counter, before, mod_counter.__dict__.get("count"))

from test.support import import_helper
try:
    import_helper.import_module("_no_such_c_module_for_pyrite")
except Exception as e:
    print(type(e).__name__, e)

# A fresh copy of importlib itself (what test.support's import_fresh_module
# does for the importlib tests): importlib.* leaves sys.modules meanwhile.
fresh = import_helper.import_fresh_module("importlib", blocked=("_frozen_importlib", "_frozen_importlib_external"))
print(fresh is not importlib, hasattr(fresh, "__import__"), sys.modules["importlib"] is importlib)
print(importlib.import_module("mod_all").__name__)
