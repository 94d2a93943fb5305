import mod_simple, pkg_basic, pkg_basic.sub
for m in (mod_simple, pkg_basic, pkg_basic.sub):
    print(m.__name__, m.__package__, m.__spec__.name, m.__spec__.parent, m.__file__, hasattr(m, "__path__"))
print(mod_simple.__spec__.origin, pkg_basic.__spec__.submodule_search_locations)
print(sorted(k for k in vars(mod_simple) if k.startswith("__") and k not in ("__builtins__", "__cached__", "__loader__")))
print(type(mod_simple.__dict__).__name__, mod_simple.__dict__ is vars(mod_simple))
m = type(mod_simple)("handmade", "doc string")
print(m, m.__name__, m.__doc__, sorted(vars(m)))
m.x = 1
print(m.x, vars(m)["x"])
