# module.__loader__ and module.__spec__ of modules the import statement
# loads, before and after importlib is first imported: importlib's
# SourceFileLoader for source modules and packages, NamespaceLoader for a
# namespace package, BuiltinImporter for built-in modules (as CPython's).
import os
import sys

import mod_simple
import pkg_basic
import pkg_ns.nsmod
import errno

import importlib
import importlib.machinery
import importlib.resources
import importlib.util
import inspect
import linecache
import pkgutil

import pkg_basic.inner
import array
import binascii

HERE = os.path.dirname(os.path.abspath(__file__))


def loader_name(loader):
    return loader.__name__ if isinstance(loader, type) else type(loader).__name__


def show(name):
    m = sys.modules[name]
    spec = m.__spec__
    loader = m.__loader__
    origin = spec.origin
    if origin is not None and origin != "built-in":
        origin = os.path.relpath(origin, HERE) if origin.startswith(HERE) else os.path.basename(origin)
    print(name, loader_name(loader), spec.loader is loader, spec.name, origin,
          spec.has_location, spec.loader_state, repr(spec.parent), repr(m.__package__),
          spec.submodule_search_locations is not None)
    if isinstance(loader, importlib.machinery.SourceFileLoader):
        path = os.path.relpath(loader.path, HERE) if loader.path.startswith(HERE) else os.path.basename(loader.path)
        print("  ", loader.name, path, loader.is_package(name),
              loader.get_filename(name) == m.__file__)
        print("  ", loader.get_source(name) == open(m.__file__).read())
    elif loader is importlib.machinery.BuiltinImporter:
        print("  ", loader.is_package(name), loader.get_source(name), loader.get_code(name))
    found = importlib.util.find_spec(name)
    print("   find_spec:", found == spec, spec == found, loader_name(found.loader))


for name in ["mod_simple", "pkg_basic", "pkg_basic.sub", "pkg_basic.inner", "pkg_ns", "pkg_ns.nsmod",
             "errno", "array", "binascii", "sys", "builtins", "json"]:
    if name == "json":
        import json
    if name == "pkg_basic.sub":
        import pkg_basic.sub
    show(name)

print(pkg_ns.__loader__.is_package("pkg_ns"), pkg_ns.__loader__.get_source("pkg_ns"))

main = sys.modules["__main__"]
print(loader_name(main.__loader__), main.__spec__, os.path.basename(main.__loader__.path), main.__loader__.name)

# What the loaders are for.
print(len(pkgutil.get_data("json", "__init__.py")) > 100)
print(pkgutil.get_data("pkg_basic", "sub.py") == open(os.path.join(HERE, "pkg_basic", "sub.py"), "rb").read())
print(importlib.resources.files("json").joinpath("__init__.py").is_file())
print(importlib.resources.files("pkg_basic").joinpath("sub.py").read_text() ==
      open(os.path.join(HERE, "pkg_basic", "sub.py")).read())
print(sorted(p.name for p in importlib.resources.files("pkg_basic").iterdir() if p.name.endswith(".py")))
print(inspect.getsource(mod_simple.func))
print(repr(linecache.getline(mod_simple.__file__, 1)))

# reload goes through importlib's finders and keeps the module.
old_loader = pkg_basic.sub.__loader__
m = importlib.reload(pkg_basic.sub)
print(m is pkg_basic.sub, loader_name(m.__loader__), m.__spec__.loader is m.__loader__,
      m.__loader__ == old_loader, m.__loader__ is old_loader)
m = importlib.import_module("mod_counter")
print(loader_name(m.__loader__), m.__spec__.loader is m.__loader__)
