import sys
cases = [
    "import no_such_module_abc",
    "import pkg_basic.nope",
    "import mod_simple.sub",
    "from mod_simple import does_not_exist",
    "from pkg_basic import nope",
    "from no_such_pkg import x",
    "import pkg_rel.bad",
]
for src in cases:
    try:
        exec(src)
        print(src, "-> ok")
    except ImportError as e:
        print(src, "->", type(e).__name__ + ":", e, "| name:", e.name)
print("pkg_basic" in sys.modules)
try:
    exec("from . import something")
except ImportError as e:
    print(type(e).__name__, e)
