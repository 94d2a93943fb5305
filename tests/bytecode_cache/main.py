# Imports stdlib and local modules and prints what their code objects hold;
# tests/bytecode_cache.cmake runs it with an empty cache, a warm cache and
# the cache off, and the three outputs must be the same.
import collections, re, os, functools, enum, textwrap, operator
import cache_consts
import cache_pkg.inner
import cache_version

print(collections.Counter("abracadabra").most_common(2))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(re.sub(r"a+", "b", "caaat"), textwrap.shorten("hello  world", 20), operator.add(2, 3))
print(list(Color), functools.reduce(lambda a, b: a * b, range(1, 8)))
print(textwrap.dedent("    x\n    y"))


def describe(code, depth=0):
    pad = "  " * depth
    print(pad + code.co_qualname, code.co_firstlineno, code.co_flags, code.co_argcount, code.co_posonlyargcount,
          code.co_kwonlyargcount, code.co_nlocals, code.co_stacksize)
    print(pad + " ", code.co_varnames, code.co_cellvars, code.co_freevars, code.co_names, code.co_filename.rsplit("/", 1)[-1])
    for c in code.co_consts:
        if hasattr(c, "co_code") or type(c).__name__ == "code":
            describe(c, depth + 1)
        else:
            print(pad + "  const", type(c).__name__, repr(c))


for name in ("cache_consts", "cache_pkg.inner", "cache_version"):
    import sys
    m = sys.modules[name]
    for attr in sorted(vars(m)):
        v = getattr(m, attr)
        if hasattr(v, "__code__") and v.__module__ == name:
            describe(v.__code__)

print(cache_consts.values())
print(cache_consts.NAN_BITS, cache_consts.NEG_ZERO)
print(cache_pkg.inner.closure()(5), cache_pkg.inner.gen_values())
print(cache_version.VERSION)
try:
    cache_pkg.inner.fails(3)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti)
        tb = tb.tb_next
# The traceback printed at exit shows the cached code's locations.
cache_pkg.inner.fails(3)
