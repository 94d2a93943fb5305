#!/usr/bin/python3.11
"""Random-program fuzzer for the interpreter (issue #3): bad input never crashes.

Generates small, deterministic, terminating Python 3.11 programs from a
grammar of snippets (arithmetic on small and big ints, floats, str and its
methods, lists/tuples/dicts/sets and their methods, slicing, comprehensions,
generators and `yield from`, closures with nonlocal/global, classes with
inheritance, properties and dunder methods, custom exceptions with
try/except/else/finally and `raise ... from`, `with`, `match`, bounded
recursion, `del`, deliberate errors printed as `type(e).__name__, e`), runs
each with CPython (/usr/bin/python3.11) and with Pyrite in two modes
(`-X jit=off -X gc-stress` and `-X jit=off`) under a timeout and a memory
limit, and compares stdout, the last line of stderr and the exit status.

Verdicts: crash (killed by a signal, or a check failure / fatal error /
abort message on stderr), timeout, mismatch, ok. Each failing program is
minimized (line-deletion delta debugging keeping the same verdict) and
written to --out as VERDICT-SEED-K.py (plus the unminimized .orig.py).

Usage:
  program_fuzz.py --pyrite build/pyrite --seed 1 --count 200 --out /tmp/fuzz
  program_fuzz.py --seed 7 --count 1 --print         # show a program only
Exits 1 if a crash was found (or any failure with --strict), else 0.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

PYTHON = "/usr/bin/python3.11"
CRASH_MARKERS = (b"pyrite: check failed", b"Fatal Python error", b"stack underflow",
                 b"inconsistent stack depth", b"terminate called", b"AddressSanitizer",
                 b"runtime error:", b"pyrite: out of memory", b"Segmentation fault", b"Aborted")

# ---------------------------------------------------------------------------
# Generator


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.n = 0
        self.lines = []
        self.classes = []   # (name, kind) of the generated value classes
        self.excs = []      # custom exception class names

    def name(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def emit(self, text, indent=0):
        for line in text.split("\n"):
            self.lines.append("    " * indent + line if line else "")

    # -- expressions, by type ------------------------------------------------

    def small_int(self):
        return self.pick(["0", "1", "2", "3", "-1", "-7", "5", "10", "255", "-128", "17", "1000"])

    def big_int(self):
        return self.pick(["2**64", "10**30", "-(3**50)", "2**100 - 1", "7**40", "-(2**63)",
                          "123456789012345678901234567890", "(1 << 90) + 12345", "10**20 + 1"])

    def int_expr(self, d=2):
        if d <= 0 or self.chance(0.3):
            return self.big_int() if self.chance(0.2) else self.small_int()
        c = self.r.randrange(12)
        a, b = self.int_expr(d - 1), self.int_expr(d - 1)
        if c < 5:
            op = self.pick(["+", "-", "*", "//", "%", "&", "|", "^", "+", "-", "*"])
            return "(%s %s %s)" % (a, op, b)
        if c == 5:
            return "(%s << (%s %% 70))" % (a, b)
        if c == 6:
            return "(%s >> (abs(%s) %% 70))" % (a, b)
        if c == 7:
            return "pow(%s, %d)" % (a, self.r.randrange(0, 9))
        if c == 8:
            return self.pick(["len(%s)" % self.str_expr(d - 1), "len(%s)" % self.list_expr(d - 1),
                              "abs(%s)" % a, "-%s" % a, "~%s" % a, "int(%s)" % self.float_expr(d - 1),
                              "(%s).bit_length()" % a, "hash(%s)" % a, "round(%s)" % self.float_expr(d - 1)])
        if c == 9:
            return self.pick(["divmod(%s, %s)[0]" % (a, b), "max(%s, %s)" % (a, b), "min(%s, %s, 3)" % (a, b),
                              "sum(%s)" % self.list_expr(d - 1, "int"), "int(%r)" % self.pick(["12", "-0x1f", " 42 ", "1_000", "zz", "3.5"]),
                              "int(%r, %d)" % (self.pick(["ff", "777", "1010", "z", "-10"]), self.pick([2, 8, 16, 36, 0]))])
        if c == 10:
            return "(%s if %s else %s)" % (a, self.bool_expr(d - 1), b)
        return "%s.count(%s)" % (self.list_expr(d - 1, "int"), a)

    def float_expr(self, d=2):
        if d <= 0 or self.chance(0.3):
            return self.pick(["0.5", "1.25", "-2.0", "3.141592653589793", "1e300", "1e-300", "0.1", "2.5",
                              "float('inf')", "-0.0", "7.0", "1e16", "123.456"])
        a, b = self.float_expr(d - 1), self.float_expr(d - 1)
        c = self.r.randrange(6)
        if c < 3:
            return "(%s %s %s)" % (a, self.pick(["+", "-", "*", "/", "//", "%", "**"]), b)
        if c == 3:
            return "(%s %s %s)" % (a, self.pick(["+", "*", "/", "-"]), self.int_expr(d - 1))
        if c == 4:
            return self.pick(["float(%s)" % self.int_expr(d - 1), "abs(%s)" % a, "round(%s, %d)" % (a, self.r.randrange(-2, 4)),
                              "float(%r)" % self.pick(["1.5", "-inf", "nan", "1e5", "abc", " 2 "])])
        return "(%s)" % self.pick(["%s.real" % a, "min(%s, %s)" % (a, b), "%s ** 0.5" % self.int_expr(d - 1)])

    def str_expr(self, d=2):
        lits = ["'abc'", "'Hello World'", "''", "'a,b,,c'", "'  pad  '", "'x'", "'ÄÖü'", "'\\u03b1\\u03b2'",
                "'line1\\nline2'", "'123'", "'MiXeD cAsE'", "'tab\\there'", "'ß'", "'🐍'"]
        if d <= 0 or self.chance(0.3):
            return self.pick(lits)
        a, b = self.str_expr(d - 1), self.str_expr(d - 1)
        c = self.r.randrange(10)
        if c == 0:
            return "(%s + %s)" % (a, b)
        if c == 1:
            return "(%s * (%s %% 5))" % (a, self.int_expr(d - 1))
        if c == 2:
            return "%s[%s]" % (a, self.slice_expr())
        if c == 3:
            m = self.pick(["upper()", "lower()", "title()", "capitalize()", "swapcase()", "strip()", "lstrip('ap ')",
                           "casefold()", "center(9, '*')", "ljust(6, '-')", "rjust(7)", "zfill(8)", "expandtabs(4)",
                           "replace('a', 'AA')", "replace('l', '', 1)", "strip('xH')"])
            return "%s.%s" % (a, m)
        if c == 4:
            return "%s.join(%s)" % (self.pick(["','", "''", "' - '"]), self.list_expr(d - 1, "str"))
        if c == 5:
            return "str(%s)" % self.pick([self.int_expr(d - 1), self.float_expr(d - 1), self.list_expr(d - 1), self.tuple_expr(d - 1)])
        if c == 6:
            return "repr(%s)" % self.pick([a, self.float_expr(d - 1), self.dict_expr(d - 1)])
        if c == 7:
            return "(lambda p, q, r: f'{p}|{q!r:>12}|{r:%s}')(%s, %s, %s)" % (
                self.pick(["x", "08d", ",", "+", "b", "^10", "o"]), a, b, self.int_expr(d - 1))
        if c == 8:
            return "'%%s-%%d-%%r' %% (%s, %s, %s)" % (a, self.int_expr(d - 1), b)
        return "%s.format(%s, %s)" % (self.pick(["'{}:{}'", "'{1}{0}'", "'{0!r:^9}/{1:.3}'"]), a, self.float_expr(d - 1))

    def slice_expr(self):
        parts = [self.pick(["", "1", "-2", "3", "0", "-10", "100"]) for _ in range(2)]
        s = ":".join(parts)
        if self.chance(0.4):
            s += ":" + self.pick(["2", "-1", "3", "-2"])
        if self.chance(0.15):
            return self.pick(["0", "-1", "5", "2"])
        return s

    def elem(self, kind, d):
        if kind == "int":
            return self.int_expr(d)
        if kind == "str":
            return self.str_expr(d)
        return self.any_expr(d)

    def list_expr(self, d=2, kind=None):
        if d <= 0 or self.chance(0.3):
            n = self.r.randrange(0, 5)
            return "[%s]" % ", ".join(self.elem(kind, 0) for _ in range(n))
        c = self.r.randrange(8)
        if c == 0:
            return "[%s for v in range(%d)%s]" % (self.pick(["v * v", "v - 3", "v // 2", "-v"]) if kind != "str" else "str(v)",
                                                 self.r.randrange(0, 8), self.pick(["", " if v % 2", " if v > 2"]))
        if c == 1:
            return "sorted(%s%s)" % (self.list_expr(d - 1, kind or "int"), self.pick(["", ", reverse=True", ", key=abs"] if kind != "str" else ["", ", key=len"]))
        if c == 2:
            return "%s[%s]" % (self.list_expr(d - 1, kind), self.pick(["::-1", "1:", ":2", "::2", "-2:"]))
        if c == 3:
            return "(%s + %s)" % (self.list_expr(d - 1, kind), self.list_expr(d - 1, kind))
        if c == 4:
            return "list(%s)" % self.pick(["range(%d, %d, %d)" % (self.r.randrange(-3, 3), self.r.randrange(0, 10), self.pick([1, 2, -1, 3]))
                                           if kind != "str" else "'hello'", "reversed(%s)" % self.list_expr(d - 1, kind)])
        if c == 5 and kind != "int":
            return "%s.split(%s)" % (self.str_expr(d - 1), self.pick(["", "','", "'l'", "None, 1"]))
        if c == 6:
            return "(%s * %d)" % (self.list_expr(d - 1, kind), self.r.randrange(0, 3))
        return "[%s]" % ", ".join(self.elem(kind, d - 1) for _ in range(self.r.randrange(1, 4)))

    def tuple_expr(self, d=2):
        n = self.r.randrange(0, 4)
        if n == 1:
            return "(%s,)" % self.any_expr(d - 1)
        if self.chance(0.3):
            return "tuple(%s)" % self.list_expr(d - 1)
        return "(%s)" % ", ".join(self.any_expr(d - 1) for _ in range(n))

    def dict_expr(self, d=2):
        if d <= 0 or self.chance(0.4):
            n = self.r.randrange(0, 4)
            return "{%s}" % ", ".join("%s: %s" % (self.pick([self.small_int(), self.pick(["'a'", "'b'", "'key'", "'z'"])]),
                                                  self.any_expr(0)) for _ in range(n))
        c = self.r.randrange(4)
        if c == 0:
            return "{k: k * 2 for k in range(%d)}" % self.r.randrange(6)
        if c == 1:
            return "(%s | %s)" % (self.dict_expr(d - 1), self.dict_expr(d - 1))
        if c == 2:
            return "dict(zip(%s, %s))" % (self.list_expr(d - 1, "str"), self.list_expr(d - 1, "int"))
        return "dict.fromkeys(%s, %s)" % (self.list_expr(d - 1, "int"), self.small_int())

    def set_expr(self, d=2):
        if d <= 0 or self.chance(0.4):
            return "{%s}" % ", ".join(self.small_int() for _ in range(self.r.randrange(1, 5)))
        op = self.pick(["|", "&", "-", "^"])
        if self.chance(0.3):
            return "set(%s)" % self.list_expr(d - 1, "int")
        return "(%s %s %s)" % (self.set_expr(d - 1), op, self.set_expr(d - 1))

    def bool_expr(self, d=2):
        c = self.r.randrange(7)
        if d <= 0 or c == 0:
            return self.pick(["True", "False", "not []", "bool('')"])
        if c == 1:
            return "(%s %s %s)" % (self.int_expr(d - 1), self.pick(["<", "<=", "==", "!=", ">", ">="]), self.int_expr(d - 1))
        if c == 2:
            return "(%s in %s)" % (self.small_int(), self.pick([self.list_expr(d - 1, "int"), self.set_expr(d - 1), self.dict_expr(d - 1)]))
        if c == 3:
            return "(%s %s %s)" % (self.bool_expr(d - 1), self.pick(["and", "or"]), self.bool_expr(d - 1))
        if c == 4:
            return "%s.%s" % (self.str_expr(d - 1), self.pick(["isdigit()", "isalpha()", "isupper()", "startswith('a')",
                                                              "endswith(('d', 'c'))", "isspace()", "isidentifier()", "istitle()"]))
        if c == 5:
            return "(%s == %s)" % (self.float_expr(d - 1), self.int_expr(d - 1))
        return "%s(%s)" % (self.pick(["any", "all"]), self.list_expr(d - 1))

    def any_expr(self, d=2):
        c = self.r.randrange(9)
        if c < 3:
            return self.int_expr(d)
        if c == 3:
            return self.float_expr(d)
        if c == 4:
            return self.str_expr(d)
        if c == 5 and d > 0:
            return self.list_expr(d - 1)
        if c == 6 and d > 0:
            return self.tuple_expr(d - 1)
        if c == 7:
            return self.bool_expr(d)
        return self.pick(["None", "(1, 'a')", "[[]]", "()", "{}"])

    def printable(self, d=2):
        """An expression whose printed form is deterministic."""
        c = self.r.randrange(8)
        if c == 0:
            return "sorted(%s)" % self.set_expr(d)
        if c == 1:
            return self.dict_expr(d)
        return self.any_expr(d)

    # -- statements ----------------------------------------------------------

    def try_print(self, expr, indent=0):
        self.emit("try:\n    print(%s)\nexcept Exception as e:\n    print(type(e).__name__, e)" % expr, indent)

    def s_exprs(self):
        for _ in range(self.r.randrange(1, 5)):
            self.try_print(self.printable(self.r.randrange(1, 4)))

    def s_errors(self):
        errs = ["1 // 0", "1.0 / 0", "[][0]", "{}['k']", "{'a': 1}[2]", "int('x1')", "'abc' + 1", "[1] * 'a'",
                "None.attr", "len(5)", "(1, 2).append", "'abc'.index('z')", "[1, 2].remove(9)", "{1}.remove(3)",
                "next(iter([]))", "float('abc')", "abs('x')", "chr(-1)", "ord('ab')", "2 ** -1 % 0", "'%d' % 'x'",
                "'{}'.format()", "'{0} {2}'.format(1, 2)", "[].pop()", "{}.popitem()", "dict([(1, 2, 3)])",
                "int('9' * 5000)", "divmod(1, 0)", "(1).to_bytes(1, 'little', signed=False) + 1",
                "sorted([1, 'a'])", "max([])", "min([], default=None) + 1", "tuple(5)", "'a' < 1",
                "[1, 2, 3][::0]", "range(0, 10, 0)", "1 << -1", "10.0 ** 1000", "round(1.5, 'a')",
                "{[1]: 2}", "hash([])", "set([[1]])", "'x'.join([1, 2])", "undefined_name_q", "pow(2, -1, 5)",
                "pow(0, -1)", "list.append(1, 2)", "str.upper(1)", "int.__add__('a', 1)", "iter(5)",
                "bytes('abc')", "'abc'.split('')", "'ab'.center(10, 'xy')", "'abc'[10]",
                "(lambda x: x)()", "(lambda: 1)(2)", "(lambda *, k: k)(1)", "f'{1:q}'", "format(1.5, 'd')",
                "dict(a=1)['b']", "zip([1], [2, 3], strict=True).__next__() and list(zip([1], [2, 3], strict=True))"]
        for _ in range(self.r.randrange(1, 5)):
            self.try_print(self.pick(errs))

    def s_bigint(self):
        v = self.name("big")
        self.emit("%s = %s" % (v, self.pick(["2**%d" % self.r.randrange(60, 400), "3**%d - 1" % self.r.randrange(40, 200),
                                            "-(10**%d) + 7" % self.r.randrange(20, 90)])))
        for _ in range(self.r.randrange(2, 6)):
            op = self.pick(["%s * %s", "%s // 12345", "%s %% 97", "%s >> 17", "%s << 33", "%s & 0xffff", "-%s | 1",
                            "%s ^ (%s >> 3)", "divmod(%s, -7)", "str(%s)[:20]", "len(str(%s))", "hex(%s)[-8:]",
                            "%s == %s + 0", "%s < -%s", "float(%s) if %s < 2**1000 else 0", "pow(%s, 3, 1000003)",
                            "int(str(%s)) == %s", "(%s).bit_length()", "%s // -(2**70 + 1)", "abs(%s) %% 10**9",
                            "(%s).to_bytes(64, 'big', signed=True)[-4:]", "int.from_bytes(b'\\xff\\x01' * 5, 'little')"])
            self.try_print(op.replace("%s", v).replace("%%", "%"))

    def s_function(self):
        f = self.name("f")
        defaults = self.chance(0.5)
        self.emit("def %s(a, b=%s, *args, k=3, **kw):" % (f, self.small_int() if defaults else "2"))
        self.emit("    r = a + b * k + len(args)\n    for key in sorted(kw):\n        r += kw[key]")
        self.emit("    return r")
        for _ in range(self.r.randrange(1, 5)):
            call = self.pick(["%s(1)", "%s(1, 2, 3, 4)", "%s(a=5)", "%s(1, k=10, z=2, y=3)", "%s()", "%s(1, 2, a=3)",
                              "%s(*[1, 2], **{'k': 7})", "%s(1, **{'q': 1}, w=4)", "%s('a', 'b', k=2)", "%s(b=1, a=2, k=0)"])
            self.try_print(call % f)

    def s_closure(self):
        mk = self.name("make_counter")
        self.emit("def %s(start):\n    n = start\n    log = []\n    def inc(step=1):\n        nonlocal n\n        n += step\n"
                  "        log.append(n)\n        return n\n    def get():\n        return n, list(log)\n    return inc, get" % mk)
        inc, get = self.name("inc"), self.name("get")
        self.emit("%s, %s = %s(%s)" % (inc, get, mk, self.small_int()))
        for _ in range(self.r.randrange(1, 5)):
            self.emit("%s(%s)" % (inc, self.small_int()))
        self.emit("print(%s())" % get)
        if self.chance(0.5):
            g = self.name("gcount")
            self.emit("%s = 0\ndef bump_%s(x):\n    global %s\n    %s += x\n    return %s" % (g, g, g, g, g))
            self.emit("for i in range(%d):\n    bump_%s(i)\nprint(%s)" % (self.r.randrange(1, 6), g, g))
        if self.chance(0.5):
            self.emit("fs = [lambda x, i=i: x * i for i in range(4)]\nprint([f(3) for f in fs])")
            self.emit("gs = [lambda x: x * i for i in range(4)]\nprint([g(3) for g in gs])")

    def s_generator(self):
        g, h = self.name("gen"), self.name("outer")
        self.emit("def %s(n):\n    for i in range(n):\n        if i %% %d == 0:\n            continue\n"
                  "        x = yield i * %s\n        if x is not None:\n            yield ('sent', x)\n    return n * 10" % (g, self.r.randrange(2, 4), self.small_int()))
        self.emit("def %s(n):\n    r = yield from %s(n)\n    yield ('ret', r)\n    yield from %s" % (h, g, self.pick(["[7, 8]", "'ab'", "range(2)", "(x for x in 'xy')", "{3: 4}"])))
        self.emit("print(list(%s(%d)))" % (h, self.r.randrange(0, 7)))
        if self.chance(0.6):
            it = self.name("it")
            self.emit("%s = %s(5)" % (it, h))
            self.emit("try:\n    print(next(%s))\n    print(%s.send(%s))\n    print(next(%s))\n    print(%s.throw(ValueError('boom')))\n"
                      "except Exception as e:\n    print(type(e).__name__, e)" % (it, it, self.small_int(), it, it))
            self.emit("print(%s.close())" % it)
        if self.chance(0.5):
            self.emit("print(sum(x * x for x in range(%d) if x %% 3), list(zip(%s(4), 'abc')))" % (self.r.randrange(20), g))
        if self.chance(0.4):
            self.emit("def fin_%s():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('fin_%s cleanup')" % (g, g))
            # Closed explicitly: Pyrite has no reference counting to finalize an abandoned generator at once.
            self.emit("fg_%s = fin_%s()\nfor v in fg_%s:\n    print('got', v)\n    break\nfg_%s.close()" % (g, g, g, g))
            self.emit("gen_%s = fin_%s()\nnext(gen_%s)\ngen_%s.close()" % (g, g, g, g))

    def s_comprehension(self):
        c = self.pick(["[(x, y) for x in range(%d) for y in range(x) if (x + y) %% 2]",
                       "{x: [y for y in range(x)] for x in range(%d)}",
                       "sorted({x %% 5 for x in range(%d)})",
                       "[[c * i for c in 'ab'] for i in range(%d)]",
                       "list(map(lambda t: t[0] * t[1], enumerate(range(%d))))",
                       "list(filter(None, [x %% 3 for x in range(%d)]))",
                       "[y for x in range(%d) if (y := x * x) > 4]",
                       "dict(sorted({str(i): i for i in range(%d)}.items(), reverse=True))",
                       "[x for x in range(%d)][::-2]", "sum(i for i in range(%d)) // 3",
                       "[*range(%d), *'xy']", "{**{'a': 1}, **{str(i): i for i in range(%d)}}"])
        self.try_print(c.replace("%d", str(self.r.randrange(0, 9))).replace("%%", "%"))

    def s_list_methods(self):
        v = self.name("lst")
        self.emit("%s = %s" % (v, self.list_expr(2, self.pick(["int", None]))))
        for _ in range(self.r.randrange(2, 8)):
            m = self.pick(["append(%s)" % self.any_expr(1), "extend(%s)" % self.list_expr(1), "insert(%s, %s)" % (self.small_int(), self.any_expr(0)),
                           "pop()", "pop(0)", "remove(%s)" % self.any_expr(0), "reverse()", "clear()", "sort()",
                           "sort(key=str)", "index(%s)" % self.any_expr(0), "count(%s)" % self.any_expr(0), "copy()"])
            self.try_print("%s.%s" % (v, m))
        for _ in range(self.r.randrange(0, 4)):
            stmt = self.pick(["%s[%s] = %s" % (v, self.slice_expr(), self.list_expr(1)), "del %s[%s]" % (v, self.slice_expr()),
                              "%s += %s" % (v, self.list_expr(1)), "%s *= %d" % (v, self.r.randrange(3)),
                              "%s[0], %s[-1] = %s[-1], %s[0]" % (v, v, v, v)])
            self.emit("try:\n    %s\nexcept Exception as e:\n    print(type(e).__name__, e)" % stmt)
        self.try_print(v)
        self.try_print("%s[%s]" % (v, self.slice_expr()))

    def s_dict_methods(self):
        v = self.name("dct")
        self.emit("%s = %s" % (v, self.dict_expr(2)))
        for _ in range(self.r.randrange(2, 7)):
            k = self.pick([self.small_int(), "'a'", "'b'", "'new'", "(1, 2)"])
            m = self.pick(["get(%s)" % k, "get(%s, 'dflt')" % k, "pop(%s)" % k, "pop(%s, None)" % k, "setdefault(%s, [])" % k,
                           "update({%s: 1})" % k, "update(x=3)", "popitem()", "keys()", "values()", "items()", "copy()",
                           "__contains__(%s)" % k])
            self.try_print("%s.%s" % (v, m))
        self.emit("try:\n    %s[%s] = %s\n    del %s[%s]\n    print(%s)\nexcept Exception as e:\n    print(type(e).__name__, e)"
                  % (v, self.small_int(), self.any_expr(1), v, self.small_int(), v))
        self.emit("try:\n    for kk in %s:\n        %s[kk] = 0\n        %s\n    print(%s)\nexcept Exception as e:\n    print(type(e).__name__, e)"
                  % (v, v, self.pick(["pass", "%s['zz%%d' %% len(%s)] = 1" % (v, v), "break"]), v))

    def s_set_methods(self):
        v = self.name("st")
        self.emit("%s = %s" % (v, self.set_expr(2)))
        for _ in range(self.r.randrange(2, 6)):
            m = self.pick(["add(%s)" % self.small_int(), "discard(%s)" % self.small_int(), "remove(%s)" % self.small_int(),
                           "update(%s)" % self.list_expr(1, "int"), "pop()", "issubset(%s)" % self.set_expr(1),
                           "isdisjoint(%s)" % self.set_expr(1), "intersection_update({1, 2, 3})", "clear()"])
            self.try_print("%s.%s" % (v, m))
        self.emit("print(sorted(%s), len(%s), frozenset(%s) == %s, %s <= {0, 1, 2, 3})" % (v, v, v, v, v))

    def s_string_methods(self):
        v = self.name("s")
        self.emit("%s = %s" % (v, self.str_expr(2)))
        for _ in range(self.r.randrange(2, 7)):
            m = self.pick(["split()", "split(',')", "rsplit(None, 1)", "partition('l')", "rpartition('o')", "find('l')",
                           "rfind('x')", "index('a')", "count('l')", "encode('utf-8')", "encode('ascii', 'replace')",
                           "splitlines(True)", "startswith(('H', 'a'))", "isalnum()", "title()", "center(15, '.')",
                           "translate({97: 'A', 98: None})", "removeprefix('He')", "removesuffix('c')",
                           "ljust(3)", "casefold()", "replace('', '-')", "split('l', 1)", "strip('abc')", "zfill(5)",
                           "format_map({'a': 1})", "__len__()", "__getitem__(%s)" % self.small_int(),
                           "encode('latin-1')", "encode('ascii')", "__mul__(%s)" % self.small_int(), "__contains__('a')"])
            self.try_print("%s.%s" % (v, m))
        self.try_print("[%s[i:j] for i in range(-2, 3) for j in range(0, 4, 2)][:6]" % v)
        self.try_print("sorted(set(%s))" % v)

    def s_slicing(self):
        v = self.name("seq")
        self.emit("%s = %s" % (v, self.pick(["list(range(%d))" % self.r.randrange(12), "tuple('abcdefg')", "'slicing!'",
                                            "[x * 1.5 for x in range(6)]", "range(20)[::3]"])))
        for _ in range(self.r.randrange(2, 6)):
            self.try_print("%s[%s]" % (v, self.slice_expr()))
        self.try_print("%s[slice(%s, %s, %s)]" % (v, self.pick(["None", "1", "-3"]), self.pick(["None", "5", "-1"]), self.pick(["None", "2", "-1"])))

    def s_class(self):
        base = self.name("Base")
        self.emit("class %s:" % base)
        self.emit("    count = 0\n    def __init__(self, v):\n        self.v = v\n        %s.count += 1" % base)
        self.emit("    def __repr__(self):\n        return '%s(%%r)' %% (self.v,)" % base)
        if self.chance(0.8):
            self.emit("    def __eq__(self, other):\n        if not isinstance(other, %s):\n            return NotImplemented\n        return self.v == other.v" % base)
            if self.chance(0.7):
                self.emit("    def __hash__(self):\n        return hash(self.v)")
        if self.chance(0.7):
            self.emit("    def __add__(self, other):\n        if isinstance(other, %s):\n            return type(self)(self.v + other.v)\n"
                      "        if isinstance(other, int):\n            return type(self)(self.v + other)\n        return NotImplemented" % base)
            self.emit("    __radd__ = __add__")
        if self.chance(0.6):
            self.emit("    def __lt__(self, other):\n        return self.v < other.v")
        if self.chance(0.6):
            self.emit("    @property\n    def double(self):\n        return self.v * 2\n    @double.setter\n    def double(self, x):\n        self.v = x // 2")
        if self.chance(0.4):
            self.emit("    @classmethod\n    def make(cls, *a):\n        return cls(sum(a))\n    @staticmethod\n    def helper(x):\n        return x + 1")
        if self.chance(0.5):
            self.emit("    def __len__(self):\n        return abs(self.v) % 7\n    def __getitem__(self, i):\n        if i >= len(self):\n"
                      "            raise IndexError(i)\n        return self.v * i")
        if self.chance(0.4):
            self.emit("    def __iter__(self):\n        yield self.v\n        yield -self.v")
        if self.chance(0.3):
            self.emit("    def __bool__(self):\n        return self.v > 0")
        if self.chance(0.3):
            self.emit("    def __call__(self, *a, **k):\n        return (self.v, a, sorted(k))")
        if self.chance(0.3):
            self.emit("    def __getattr__(self, name):\n        if name.startswith('dyn'):\n            return name.upper()\n"
                      "        raise AttributeError(name)")
        sub = self.name("Sub")
        self.emit("class %s(%s):" % (sub, base))
        self.emit("    def __init__(self, v, extra=%s):\n        super().__init__(v)\n        self.extra = extra" % self.small_int())
        self.emit("    def __repr__(self):\n        return '%s(%%r, %%r)' %% (self.v, self.extra)" % sub)
        if self.chance(0.5):
            self.emit("    def __add__(self, other):\n        r = super().__add__(other)\n        if r is NotImplemented:\n            return r\n"
                      "        r.extra = self.extra\n        return r")
        if self.chance(0.4):
            self.emit("    kind = 'sub'")
        self.classes.append((base, sub))
        objs = [self.name("o") for _ in range(3)]
        self.emit("%s = %s(%s)\n%s = %s(%s)\n%s = %s(%s, %s)" % (objs[0], base, self.small_int(), objs[1], sub, self.small_int(),
                                                               objs[2], sub, self.big_int() if self.chance(0.2) else self.small_int(), self.small_int()))
        ops = ["%s + %s", "%s + 1", "1 + %s", "%s == %s", "%s != %s", "%s < %s", "sorted([%s, %s, %s])", "%s.double",
               "len(%s)", "list(%s)", "%s[1]", "bool(%s)", "%s(1, z=2)", "%s.dynamic", "%s.missing", "{%s, %s}.__len__()",
               "%s.make(1, 2, 3)", "%s.helper(4)", "%s in [%s]", "max(%s, %s)", "%s + 'x'", "[%s] * 2", "str(%s)",
               "isinstance(%s, %s)" % ("%s", base), "type(%s).__name__", "%s.count", "%s.extra", "%s.kind",
               "{%s: 1}[%s]", "sum([%s, %s], %s)", "%s.__class__.__mro__[1].__name__", "vars(%s)", "getattr(%s, 'v', None)",
               "hasattr(%s, 'double')"]
        for _ in range(self.r.randrange(3, 9)):
            op = self.pick(ops)
            args = tuple(self.pick(objs) for _ in range(op.count("%s")))
            self.try_print(op % args)
        if self.chance(0.5):
            o = self.pick(objs)
            self.emit("try:\n    %s.double = %s\n    %s.v += 1\n    del %s.v\n    print(%s.v)\nexcept Exception as e:\n    print(type(e).__name__, e)"
                      % (o, self.small_int(), o, o, o))

    def s_exceptions(self):
        e1 = self.name("AppError")
        e2 = self.name("SubError")
        self.excs.append(e1)
        self.emit("class %s(Exception):\n    def __init__(self, msg, code=0):\n        super().__init__(msg, code)\n        self.code = code" % e1)
        self.emit("class %s(%s, %s):\n    pass" % (e2, e1, self.pick(["ValueError", "KeyError", "LookupError", "ArithmeticError"])))
        f = self.name("risky")
        self.emit("def %s(n):\n    try:\n        if n == 0:\n            raise %s('zero', n)\n        if n == 1:\n"
                  "            return {}['missing']\n        if n == 2:\n            raise %s('two', 2) from ValueError('root')\n"
                  "        if n == 3:\n            1 / 0\n        return n * 2\n    except KeyError as e:\n        raise %s('wrapped', 7) from e\n"
                  "    except ZeroDivisionError:\n        raise\n    else:\n        print('else', n)\n    finally:\n        print('finally', n)"
                  % (f, e1, e2, e1))
        for n in self.r.sample(range(6), self.r.randrange(2, 6)):
            self.emit("try:\n    print(%s(%d))\nexcept %s as e:\n    print(type(e).__name__, e, e.code, type(e.__cause__).__name__, e.__cause__,"
                      " type(e.__context__).__name__)\nexcept Exception as e:\n    print('other', type(e).__name__, e)" % (f, n, e1))
        if self.chance(0.5):
            self.emit("def nested_%s():\n    try:\n        try:\n            raise TypeError('inner')\n        finally:\n"
                      "            print('cleanup')\n    except TypeError as e:\n        try:\n            raise RuntimeError('outer')\n"
                      "        except RuntimeError as e2:\n            return repr(e2), repr(e2.__context__)\nprint(nested_%s())" % (f, f))
        if self.chance(0.4):
            self.emit("for i in range(4):\n    try:\n        if i == 1:\n            continue\n        if i == 3:\n            break\n"
                      "        print('body', i)\n    finally:\n        print('fin', i)")
        if self.chance(0.4):
            self.emit("def ret_%s():\n    try:\n        return 'try'\n    finally:\n        print('in finally')\nprint(ret_%s())" % (f, f))
        if self.chance(0.4):
            self.emit("try:\n    raise %s('args', 1)\nexcept Exception as e:\n    print(e.args, repr(e), str(e), isinstance(e, %s))"
                      % (self.pick([e1, e2]), self.pick(["LookupError", "Exception", e1, "ValueError"])))
        if self.chance(0.3):
            self.emit("try:\n    try:\n        [].pop()\n    except IndexError as e:\n        raise ValueError('chained') from None\n"
                      "except ValueError as e:\n    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)")

    def s_with(self):
        cm = self.name("Ctx")
        suppress = self.pick(["True", "False", "isinstance(exc, KeyError)"])
        self.emit("class %s:\n    def __init__(self, tag):\n        self.tag = tag\n    def __enter__(self):\n        print('enter', self.tag)\n"
                  "        return self.tag * 2\n    def __exit__(self, typ, exc, tb):\n        print('exit', self.tag, typ.__name__ if typ else None)\n"
                  "        return %s" % (cm, suppress))
        body = self.pick(["print('body', v)", "raise KeyError('k')", "print(1 / 0)", "v.append(1)", "print(v + 1)"])
        self.emit("try:\n    with %s(%s) as v, %s('b'):\n        %s\n    print('after with')\nexcept Exception as e:\n    print(type(e).__name__, e)"
                  % (cm, self.pick(["1", "'a'", "[0]"]), cm, body))
        if self.chance(0.3):
            self.emit("def wf_%s():\n    with %s('r'):\n        return 'returned'\nprint(wf_%s())" % (cm, cm, cm))

    def s_match(self):
        f = self.name("classify")
        self.emit("def %s(v):\n    match v:" % f)
        cases = ["        case 0 | 1:\n            return 'small'",
                 "        case int(n) if n > 100:\n            return ('big', n)",
                 "        case [x, y]:\n            return ('pair', x, y)",
                 "        case [x, *rest]:\n            return ('seq', x, len(rest))",
                 "        case {'k': val, **others}:\n            return ('map', val, sorted(others))",
                 "        case str() as s if len(s) > 2:\n            return ('str', s[:3])",
                 "        case (1, 2) | (2, 1):\n            return 'onetwo'",
                 "        case float(f):\n            return ('float', f)",
                 "        case None:\n            return 'none'",
                 "        case {'a': [1, *_]}:\n            return 'deep'"]
        if self.classes:
            base, sub = self.pick(self.classes)
            cases.append("        case %s(v=3):\n            return 'sub3'" % sub)
            cases.append("        case %s():\n            return ('base', v.v)" % base)
        self.r.shuffle(cases)
        for c in cases[:self.r.randrange(3, len(cases) + 1)]:
            self.emit(c)
        self.emit("        case _:\n            return 'other'")
        vals = ["0", "1", "150", "[1, 2]", "[1, 2, 3]", "(2, 1)", "{'k': 5, 'z': 1}", "'hello'", "'hi'", "2.5", "None",
                "{'a': [1, 2]}", "[]", "7", "{'a': []}"]
        if self.classes:
            base, sub = self.pick(self.classes)
            vals += ["%s(3)" % sub, "%s(4)" % base]
        self.try_print("[%s(v) for v in [%s]]" % (f, ", ".join(self.r.sample(vals, self.r.randrange(2, 8)))))

    def s_recursion(self):
        f = self.name("rec")
        c = self.r.randrange(4)
        if c == 0:
            self.emit("def %s(n):\n    return 1 if n <= 1 else n * %s(n - 1)\nprint(%s(%d))" % (f, f, f, self.r.randrange(1, 60)))
        elif c == 1:
            self.emit("def %s(n, memo={}):\n    if n < 2:\n        return n\n    if n not in memo:\n        memo[n] = %s(n - 1) + %s(n - 2)\n"
                      "    return memo[n]\nprint(%s(%d))" % (f, f, f, f, self.r.randrange(1, 120)))
        elif c == 2:
            self.emit("def %s(xs):\n    if len(xs) <= 1:\n        return xs\n    p = xs[0]\n    return %s([x for x in xs[1:] if x < p]) + [p] + %s([x for x in xs[1:] if x >= p])"
                      % (f, f, f))
            self.try_print("%s(%s)" % (f, self.list_expr(2, "int")))
        else:
            self.emit("def %s(d):\n    if d > %d:\n        raise RecursionError('manual depth')\n    return [%s(d + 1)]" % (f, self.r.randrange(5, 40), f))
            self.emit("try:\n    %s(0)\nexcept RecursionError as e:\n    print('caught', e)" % f)
        if self.chance(0.15):
            self.emit("def inf_%s(n):\n    return inf_%s(n + 1) + 1\ntry:\n    inf_%s(0)\nexcept RecursionError as e:\n    print('RecursionError', e)" % (f, f, f))

    def s_del(self):
        v = self.name("tmp")
        self.emit("%s = [1, 2, 3]\n%s = {'a': 1, 'b': 2}" % (v, v + "d"))
        self.emit("del %s[%s]\ndel %s['a']\nprint(%s, %s)" % (v, self.pick(["0", "-1", "1:", "::2"]), v + "d", v, v + "d"))
        self.emit("del %s\ntry:\n    print(%s)\nexcept NameError as e:\n    print(type(e).__name__, e)" % (v, v))
        if self.chance(0.5):
            self.emit("def dl_%s():\n    x = 1\n    del x\n    return x\ntry:\n    dl_%s()\nexcept Exception as e:\n    print(type(e).__name__, e)" % (v, v))

    def s_loops(self):
        n = self.r.randrange(0, 12)
        self.emit("acc = []\ni = 0\nwhile i < %d:\n    i += 1\n    if i %% %d == 0:\n        continue\n    if i > %d:\n        break\n    acc.append(i)\n"
                  "else:\n    acc.append('else')\nprint(acc)" % (n, self.r.randrange(2, 5), self.r.randrange(3, 15)))
        self.emit("for a, (b, *c) in [(1, (2, 3, 4)), (5, (6,)), (7, 'xyz')]:\n    print(a, b, c)")
        if self.chance(0.5):
            self.emit("x, *y, z = %s\nprint(x, y, z)" % self.pick(["range(5)", "'abcd'", "[1, 2]", "(1, 2, 3)"]))

    def s_sort_misc(self):
        self.try_print("sorted(%s, key=lambda t: (%s, t))" % (self.pick(["['bb', 'a', 'ccc', 'dd']", "[3, -1, 2, -5]", "[(2, 'b'), (1, 'z'), (2, 'a')]"]),
                                                              self.pick(["len(str(t))", "-len(str(t))", "str(t)[-1]"])))
        self.try_print("list(enumerate(%s, %s))" % (self.str_expr(1), self.small_int()))
        self.try_print("list(zip(%s, %s))" % (self.list_expr(1), self.str_expr(1)))
        self.try_print("[round(x, 2) for x in (%s, %s)]" % (self.float_expr(1), self.float_expr(1)))
        self.try_print("'%%.3f %%e %%g %%5.1f' %% (%s, %s, %s, %s)" % tuple(self.float_expr(1) for _ in range(4)))
        self.try_print("format(%s, %r)" % (self.float_expr(1), self.pick([".2f", "e", "g", "%", "10.3", "+.1e", "_", ",.2f", "n"])))

    def s_gc(self):
        self.emit("import gc")
        n = self.name("Node")
        self.emit("class %s:\n    def __init__(self, v):\n        self.v = v\n        self.next = self\n        self.kids = [self]\n"
                  "    def __repr__(self):\n        return '%s(%%d)' %% self.v" % (n, n))
        self.emit("nodes = [%s(i) for i in range(%d)]\nfor a, b in zip(nodes, nodes[1:]):\n    a.next = b\n    b.kids.append(a)" % (n, self.r.randrange(1, 40)))
        self.emit("gc.collect()\nprint(nodes[-1], len(nodes[0].kids), nodes[0].next)\ndel nodes\ngc.collect()")
        self.emit("junk = [[i] * 3 for i in range(200)]\nprint(sum(len(j) for j in junk))")

    # -- hostile snippets: protocols that misbehave, mutation, self-reference --

    def s_hostile_protocol(self):
        c = self.name("Evil")
        what = self.pick(["raise ValueError('in %s')", "return NotImplemented", "return -1", "return 2**70", "return 'str'",
                          "return None", "return self", "raise StopIteration", "raise IndexError('bad')", "return 1.5",
                          "raise KeyError('k')", "return 3", "return [0]", "raise RecursionError('rec')"])
        self.emit("class %s:\n    def __init__(self, v=0):\n        self.v = v\n    def __repr__(self):\n        return '%s'" % (c, c))
        methods = ["__len__", "__eq__", "__hash__", "__iter__", "__next__", "__getitem__", "__index__", "__bool__", "__lt__",
                   "__contains__", "__int__", "__float__", "__str__", "__format__", "__add__", "__radd__", "__mul__",
                   "__neg__", "__enter__", "__exit__", "__call__", "__setitem__", "__delitem__", "__iadd__", "__getattr__",
                   "__abs__", "__round__", "__reversed__", "__missing__"]
        chosen = self.r.sample(methods, self.r.randrange(2, 8))
        for m in chosen:
            body = what if self.chance(0.5) else self.pick(["raise ValueError('in %s')", "return NotImplemented", "return 0",
                                                             "return self.v", "raise TypeError('t')", "return iter([1, 2])"])
            if m not in ("__iter__", "__reversed__"):
                body = body.replace("iter([1, 2])", "[1, 2]")
            if m == "__getitem__":  # the iteration fallback must end (gc-stress is quadratic on a growing heap)
                body = "if a and isinstance(a[0], int) and a[0] > 3:\n            raise IndexError(a[0])\n        " + body
            self.emit("    def %s(self, *a):\n        %s" % (m, body.replace("%s", m)))
        x = self.name("ev")
        self.emit("%s = %s(%s)" % (x, c, self.small_int()))
        uses = ["len(%s)", "%s == %s", "%s == 1", "{%s: 1}", "{%s}", "list(%s)", "tuple(%s)", "next(%s)", "%s[0]",
                "[1, 2, 3][%s]", "bool(%s)", "not %s", "%s < %s", "sorted([%s, %s])", "1 in %s", "%s in [1, 2]", "int(%s)",
                "float(%s)", "str(%s)", "format(%s, 'x')", "f'{%s}'", "%s + 1", "1 + %s", "%s * 2", "-%s", "%s(1)",
                "[x for x in %s]", "sum(%s)", "max(%s)", "min(%s, default=0)", "dict.fromkeys(%s)", "set(%s)", "enumerate(%s).__next__()",
                "list(zip(%s, 'ab'))", "list(map(str, %s))", "', '.join(%s)", "reversed(%s).__next__()", "abs(%s)", "round(%s)",
                "%s.anything", "range(%s)", "'ab' * %s", "[0] * %s", "hex(%s)", "divmod(%s, 2)", "[1, 2].index(%s)",
                "[%s].count(%s)", "(1, %s) == (1, %s)", "[%s] == [%s]", "{1: %s} == {1: %s}", "sorted({%s: 1, 2: 2})",
                "print(%s)", "repr([%s])", "isinstance(%s, int)", "bytes(%s)", "chr(%s)", "' ' * %s",
                "list(%s)[::-1]", "a, b = %s", "(lambda *a: a)(*%s)", "(lambda **k: k)(**%s)", "[*%s]", "{**%s}",
                "dict(%s)", "%s.__class__.__name__", "any(%s)", "all(%s)", "sorted(%s)", "str.join('', %s)"]
        for _ in range(self.r.randrange(3, 10)):
            u = self.pick(uses)
            expr = u.replace("%s", x)
            if u.startswith("a, b ="):
                self.emit("try:\n    %s\n    print(a, b)\nexcept Exception as e:\n    print(type(e).__name__, e)" % expr)
            else:
                self.try_print(expr)
        if self.chance(0.5):
            self.emit("try:\n    with %s:\n        print('in with')\nexcept Exception as e:\n    print(type(e).__name__, e)" % x)
        if self.chance(0.4):
            self.emit("try:\n    %s[1] = 2\n    del %s[1]\n    %s += 1\n    print(%s)\nexcept Exception as e:\n    print(type(e).__name__, e)" % (x, x, x, x))

    def s_mutation(self):
        c = self.r.randrange(8)
        if c == 0:
            self.emit("ml = list(range(6))\nfor x in ml:\n    if x %% 2 == 0 and len(ml) < 12:\n        ml.append(x + 10)\n    if x == 3:\n        ml.remove(%d)\nprint(ml)" % self.r.randrange(6))
        elif c == 1:
            self.emit("md = {i: i for i in range(5)}\ntry:\n    for k in md:\n        %s\nexcept RuntimeError as e:\n    print(type(e).__name__, e)\nprint(md)"
                      % self.pick(["md[k + 100] = 1", "del md[k]", "md.pop(k)", "md[k] = 2", "md.clear()"]))
        elif c == 2:
            self.emit("ms = {1, 2, 3}\ntry:\n    for k in ms:\n        %s\nexcept RuntimeError as e:\n    print(type(e).__name__, e)\nprint(sorted(ms))"
                      % self.pick(["ms.add(k + 100)", "ms.discard(k)", "ms.add(k)"]))
        elif c == 3:
            self.emit("sl = [5, 3, 1, 4]\ndef keyf(v):\n    sl.append(v)\n    return v\ntry:\n    sl.sort(key=keyf)\nexcept ValueError as e:\n    print(type(e).__name__, e)\nprint(sl)")
        elif c == 4:
            self.emit("rl = [1, 2]\nrl.append(rl)\nrd = {'a': rl}\nrd['self'] = rd\nrt = (rl, rd)\nprint(rl, rd, rt)\nprint(repr(rl) == str(rl), len(str(rd)))")
            self.emit("try:\n    print(rl == rl, rl == [1, 2, rl])\nexcept RecursionError as e:\n    print('RecursionError')")
        elif c == 5:
            self.emit("nest = []\nfor i in range(%d):\n    nest = [nest, i]\nprint(len(str(nest)))\ndn = {}\nfor i in range(300):\n    dn = {'k': dn}\nprint(len(repr(dn)))" % self.r.randrange(10, 400))
        elif c == 6:
            self.emit("class Flip:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        fl.clear()\n        return False\n    def __hash__(self):\n        return 1\n"
                      "    def __repr__(self):\n        return 'Flip'\nfl = [Flip(i) for i in range(5)]\ntry:\n    print(Flip(9) in fl, fl.count(Flip(1)), fl)\nexcept Exception as e:\n    print(type(e).__name__, e)")
            # (A dict whose keys' __eq__ clears it during an insert is left out: what
            # survives depends on CPython's table layout and resize points.)
        else:
            self.emit("it_l = [1, 2, 3]\nit_i = iter(it_l)\nnext(it_i)\nit_l[:] = []\nprint(list(it_i))\nit_l.extend([7, 8, 9])\nprint(list(it_i))\n"
                      "ri = reversed([1, 2, 3])\nprint(next(ri), list(ri), list(ri))")

    def s_builtin_subclass(self):
        base = self.pick(["list", "dict", "int", "str", "tuple", "float", "set", "Exception", "frozenset"])
        c = self.name("My" + base.capitalize())
        self.emit("class %s(%s):" % (c, base))
        self.emit("    tag = 'sub'")
        if base == "dict":
            self.emit("    def __missing__(self, key):\n        return key * 2")
        if base in ("list", "dict"):
            self.emit("    def __getitem__(self, k):\n        return ('got', super().__getitem__(k))")
        if self.chance(0.5):
            self.emit("    def __repr__(self):\n        return '%s<' + super().__repr__() + '>'" % c)
        if self.chance(0.3) and base in ("int", "float", "str"):
            self.emit("    def __add__(self, o):\n        return %s(super().__add__(o))" % c)
        if self.chance(0.3) and base not in ("int", "float", "str", "tuple", "frozenset"):
            self.emit("    def __init__(self, *a):\n        super().__init__(*a)\n        self.extra = len(a)")
        args = {"list": "[3, 1, 2]", "dict": "{'a': 1}", "int": "41", "str": "'text'", "tuple": "(1, 2)", "float": "2.5",
                "set": "[1, 2]", "Exception": "'msg', 2", "frozenset": "[4]"}[base]
        v = self.name("inst")
        self.emit("%s = %s(%s)" % (v, c, args))
        ops = ["%s", "repr(%s)", "str(%s)", "type(%s).__name__", "%s.tag", "%s == %s", "%s + %s", "%s * 2", "len(%s)", "%s[0]",
               "%s['a']", "%s['zz']", "list(%s)", "bool(%s)", "%s.extra",
               "isinstance(%s, %s)" % ("%s", base), "sorted(%s)" if base != "dict" else "sorted(%s.items())",
               "%s.copy()", "type(%s + %s).__name__", "%s.args", "[x for x in %s]", "%s | %s", "-%s", "abs(%s)", "%s.upper()",
               "%s.__class__.__mro__[1].__name__", "vars(%s)", "%s.get('b', 'default')", "%s.pop()", "{%s: 1}"]
        for _ in range(self.r.randrange(3, 9)):
            self.try_print(self.pick(ops).replace("%s", v))

    def s_generator_hostile(self):
        g = self.name("hg")
        c = self.r.randrange(6)
        if c == 0:
            self.emit("def %s():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 'ignored'\nx_%s = %s()\nnext(x_%s)\ntry:\n    x_%s.close()\n"
                      "except RuntimeError as e:\n    print(type(e).__name__, e)" % (g, g, g, g, g))
        elif c == 1:
            self.emit("def %s():\n    yield next(me_%s)\nme_%s = %s()\ntry:\n    next(me_%s)\nexcept ValueError as e:\n    print(type(e).__name__, e)" % (g, g, g, g, g))
        elif c == 2:
            self.emit(("def inner_%s():\n    try:\n        yield 1\n        yield 2\n    except KeyError as e:\n        yield ('inner caught', e.args)\n    return 'inner done'\n"
                      "def %s():\n    r = yield from inner_%s()\n    yield r\n    raise StopIteration('x')\nx_%s = %s()\nprint(next(x_%s))\nprint(x_%s.throw(KeyError('q')))\n"
                      "print(next(x_%s))\ntry:\n    print(next(x_%s))\nexcept Exception as e:\n    print(type(e).__name__, e)\nprint(list(x_%s))").replace("%s", g))
        elif c == 3:
            self.emit("def %s(n):\n    if n > 0:\n        yield n\n        yield from %s(n - 1)\n        yield -n\nprint(list(%s(%d)))" % (g, g, g, self.r.randrange(0, 30)))
        elif c == 4:
            self.emit(("async def co_%s(x):\n    return x * 2\nasync def %s():\n    a = await co_%s(3)\n    b = await co_%s(a)\n    return a + b\n"
                      "cr_%s = %s()\ntry:\n    cr_%s.send(None)\nexcept StopIteration as e:\n    print('result', e.value)").replace("%s", g))
        else:
            self.emit(("def %s():\n    got = []\n    while True:\n        try:\n            v = yield len(got)\n        except ValueError:\n            got.append('VE')\n            continue\n"
                      "        if v is None:\n            return got\n        got.append(v)\nx_%s = %s()\nnext(x_%s)\nprint(x_%s.send(1), x_%s.throw(ValueError), x_%s.send('a'))\n"
                      "try:\n    x_%s.send(None)\nexcept StopIteration as e:\n    print('stop', e.value)\nprint(next(x_%s, 'exhausted'))").replace("%s", g))

    def s_class_machinery(self):
        c = self.r.randrange(7)
        m = self.name("Meta")
        if c == 0:
            self.emit(("class %s(type):\n    def __new__(mcs, name, bases, ns):\n        ns['made_by'] = mcs.__name__\n        return super().__new__(mcs, name, bases, ns)\n"
                      "    def __call__(cls, *a):\n        print('calling', cls.__name__, a)\n        return super().__call__(*a)\n"
                      "class K_%s(metaclass=%s):\n    def __init__(self, *a):\n        self.a = a\nprint(K_%s(1, 2).a, K_%s.made_by, type(K_%s).__name__)").replace("%s", m))
        elif c == 1:
            self.emit(("class P_%s:\n    subs = []\n    def __init_subclass__(cls, tag=None, **kw):\n        super().__init_subclass__(**kw)\n        cls.tag = tag\n        P_%s.subs.append(cls.__name__)\n"
                      "class Q_%s(P_%s, tag='q'):\n    pass\nclass R_%s(Q_%s):\n    pass\nprint(P_%s.subs, Q_%s.tag, R_%s.tag)").replace("%s", m))
        elif c == 2:
            self.emit(("class D_%s:\n    def __set_name__(self, owner, name):\n        self.name = name\n    def __get__(self, obj, typ=None):\n        return (self.name, obj is None)\n"
                      "    def __set__(self, obj, v):\n        obj.__dict__['_' + self.name] = v\nclass H_%s:\n    attr = D_%s()\nh_%s = H_%s()\nh_%s.attr = 5\n"
                      "print(h_%s.attr, H_%s.attr, sorted(vars(h_%s)))").replace("%s", m))
        elif c == 3:
            self.emit(("class S_%s:\n    __slots__ = ('a', 'b')\n    def __init__(self):\n        self.a = 1\ns_%s = S_%s()\nfor op in ('s_%s.b', 's_%s.c', 's_%s.a'):\n"
                      "    try:\n        print(eval(op))\n    except Exception as e:\n        print(type(e).__name__, e)\ntry:\n    s_%s.c = 3\nexcept AttributeError as e:\n    print(type(e).__name__, e)").replace("%s", m))
        elif c == 4:
            self.emit(("class A_%s:\n    def who(self):\n        return ['A']\nclass B_%s(A_%s):\n    def who(self):\n        return ['B'] + super().who()\n"
                      "class C_%s(A_%s):\n    def who(self):\n        return ['C'] + super().who()\nclass D_%s(B_%s, C_%s):\n    def who(self):\n        return ['D'] + super().who()\n"
                      "print(D_%s().who(), [k.__name__ for k in D_%s.__mro__], super(B_%s, D_%s()).who())").replace("%s", m))
            self.emit("try:\n    class Bad_%s(A_%s, B_%s):\n        pass\nexcept TypeError as e:\n    print(type(e).__name__, e)" % (m, m, m))
        elif c == 5:
            self.emit(("class G_%s:\n    def __getattribute__(self, n):\n        if n == 'secret':\n            raise AttributeError('hidden')\n        return object.__getattribute__(self, n)\n"
                      "    def __getattr__(self, n):\n        return 'fallback ' + n\n    def __setattr__(self, n, v):\n        object.__setattr__(self, n, v * 2)\n"
                      "    def __delattr__(self, n):\n        print('del', n)\ng_%s = G_%s()\ng_%s.x = 4\nprint(g_%s.x, g_%s.secret, g_%s.other)\ndel g_%s.x\nprint(g_%s.x)").replace("%s", m))
        else:
            self.emit(("class X_%s:\n    pass\nclass Y_%s:\n    def hello(self):\n        return 'Y'\nx_%s = X_%s()\nx_%s.__class__ = Y_%s\nprint(x_%s.hello(), type(x_%s).__name__)\n"
                      "try:\n    x_%s.__class__ = int\nexcept TypeError as e:\n    print(type(e).__name__, e)\nT_%s = type('T_%s', (Y_%s,), {'z': 1})\nprint(T_%s().hello(), T_%s.z, T_%s.__bases__[0].__name__)").replace("%s", m))

    def s_exec_eval(self):
        codes = ["1 + 2 * 3", "[x for x in range(3)]", "'a' + 'b'", "undefined_zz", "1 +", "(yield)", "x := 1",
                 "{**{}}", "f'{1+1}'", "2 ** 100", "__name__", "len('abc')"]
        for _ in range(self.r.randrange(1, 4)):
            self.try_print("eval(%r, {'__builtins__': __builtins__})" % self.pick(codes))
        stmts = ["x = 1\nprint(x)", "def f():\n    return 42\nprint(f())", "for i in range(2): print(i)", "raise ValueError('in exec')",
                 "class C: pass\nprint(C.__name__)", "import sys\nprint(sys.maxsize > 0)", "if True:\nprint(1)", "global q\nq = 5"]
        self.emit("ns = {}\ntry:\n    exec(%r, ns)\nexcept Exception as e:\n    print(type(e).__name__, e)" % self.pick(stmts))

    def s_exc_group(self):
        self.emit("try:\n    raise ExceptionGroup('grp', [ValueError(1), TypeError('t'), ExceptionGroup('sub', [KeyError('k')])])\n"
                  "except* ValueError as eg:\n    print('VE', repr(eg.exceptions))\nexcept* (TypeError, KeyError) as eg:\n    print('TK', len(eg.exceptions), eg.message)")
        self.emit("try:\n    try:\n        raise ExceptionGroup('g2', [OSError('os'), ValueError('v')])\n    except* ValueError:\n        print('handled VE')\n"
                  "except ExceptionGroup as e:\n    print(type(e).__name__, e, [type(x).__name__ for x in e.exceptions])")
        self.emit("try:\n    raise ValueError('note me')\nexcept ValueError as e:\n    e.add_note('a note')\n    print(e.__notes__, repr(e))")

    def s_memory(self):
        self.try_print(self.pick(["len([0] * 10**12)", "len('ab' * 2**62)", "len(bytearray(2**62))", "len([[]] * (2**31))",
                                  "len(list(range(10**6)))", "len('x' * 10**7)",
                                  "len((1,) * 2**61)", "len(str(10**4400))"]))

    SNIPPETS = ["s_exprs", "s_errors", "s_bigint", "s_function", "s_closure", "s_generator", "s_comprehension",
                "s_list_methods", "s_dict_methods", "s_set_methods", "s_string_methods", "s_slicing", "s_class",
                "s_class", "s_exceptions", "s_with", "s_match", "s_recursion", "s_del", "s_loops", "s_sort_misc",
                "s_gc", "s_exprs", "s_hostile_protocol", "s_hostile_protocol", "s_mutation", "s_builtin_subclass",
                "s_generator_hostile", "s_class_machinery", "s_exec_eval", "s_exc_group", "s_memory"]

    def program(self):
        for _ in range(self.r.randrange(3, 9)):
            getattr(self, self.pick(self.SNIPPETS))()
        if self.chance(0.08):
            # An uncaught exception: traceback on stderr, exit status 1.
            self.emit(self.pick(["print(1 // 0)", "raise ValueError('uncaught')", "{}['nope']",
                                 "raise %s('fatal', 3)" % self.excs[0] if self.excs else "undefined_at_end"]))
        return "\n".join(self.lines) + "\n"


def generate(seed):
    return Gen(random.Random(seed)).program()

# ---------------------------------------------------------------------------
# Running and comparing


def limit_memory(mb):
    def f():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return f


def run(cmd, path, timeout, mem_mb):
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    try:
        p = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path), capture_output=True,
                           env=env, timeout=timeout, preexec_fn=limit_memory(mem_mb))
    except subprocess.TimeoutExpired:
        return None
    return p.stdout, p.stderr, p.returncode


def last_line(err):
    lines = err.rstrip(b"\n").split(b"\n")
    return lines[-1] if lines else b""


def judge(ref, got):
    """Verdict and a one-line reason for Pyrite's result `got` vs CPython's `ref`."""
    if got is None:
        return "timeout", "timed out"
    out, err, status = got
    if status < 0:
        return "crash", "killed by signal %d: %s" % (-status, last_line(err).decode("utf-8", "replace")[:200])
    for m in CRASH_MARKERS:
        if m in err:
            line = next(l for l in err.split(b"\n") if m in l)
            return "crash", line.decode("utf-8", "replace")[:200]
    rout, rerr, rstatus = ref
    if status != rstatus:
        return "mismatch", "exit %d, CPython %d; stderr: %s" % (status, rstatus, last_line(err).decode("utf-8", "replace")[:200])
    if out != rout:
        a, b = out.split(b"\n"), rout.split(b"\n")
        i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        got_line = a[i] if i < len(a) else b"<eof>"
        want = b[i] if i < len(b) else b"<eof>"
        return "mismatch", "stdout line %d: got %r, want %r" % (i + 1, got_line[:150], want[:150])
    if last_line(err) != last_line(rerr):
        return "mismatch", "stderr: got %r, want %r" % (last_line(err)[:150], last_line(rerr)[:150])
    return "ok", ""


class Fuzzer:
    def __init__(self, args):
        self.a = args
        self.modes = [["-X", "jit=off", "-X", "gc-stress"], ["-X", "jit=off"]]
        self.dir = tempfile.mkdtemp(prefix="pyrite-fuzz-")

    def evaluate(self, src, modes=None):
        """(verdict, reason, mode index) of the worst result over the modes, or None if CPython itself fails to run it."""
        path = os.path.join(self.dir, "prog.py")
        with open(path, "w") as f:
            f.write(src)
        ref = run([PYTHON], path, self.a.timeout, 2048)
        if ref is None:
            return None
        rank = {"crash": 3, "timeout": 2, "mismatch": 1, "ok": 0}
        worst = ("ok", "", -1)
        for i, m in enumerate(self.modes):
            if modes is not None and i not in modes:
                continue
            v, why = judge(ref, run([self.a.pyrite] + m, path, self.a.timeout * (4 if i == 0 else 1), self.a.mem))
            if rank[v] > rank[worst[0]]:
                worst = (v, why, i)
            if v == "crash":
                break
        return worst

    def minimize(self, src, verdict, mode, budget, why=""):
        """Line-deletion delta debugging: drops chunks of lines while the program still compiles under CPython and gives the same verdict (for a mismatch: the same difference)."""
        key = re.sub(r"line \d+", "", why)
        lines = src.split("\n")
        deadline = time.time() + budget

        def same(cand):
            text = "\n".join(cand)
            try:
                compile(text, "prog.py", "exec")
            except SyntaxError:
                return False
            r = self.evaluate(text, [mode])
            if r is None or r[0] != verdict:
                return False
            return verdict != "mismatch" or re.sub(r"line \d+", "", r[1]) == key

        n = 2
        while len(lines) >= 2 and time.time() < deadline:
            chunk = max(1, len(lines) // n)
            removed = False
            i = 0
            while i < len(lines) and time.time() < deadline:
                cand = lines[:i] + lines[i + chunk:]
                if cand and same(cand):
                    lines = cand
                    removed = True
                else:
                    i += chunk
            if not removed:
                if chunk == 1:
                    break
                n = min(len(lines), n * 2)
        return "\n".join(lines) + ("\n" if not lines or lines[-1] else "")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pyrite", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "pyrite"))
    ap.add_argument("--seed", type=int, default=1, help="first seed; program K uses seed SEED*100000+K")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", default=None, help="directory for failing programs")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run (gc-stress runs get 4x)")
    ap.add_argument("--mem", type=int, default=2048, help="address-space limit for Pyrite, MiB")
    ap.add_argument("--strict", action="store_true", help="mismatches and timeouts are fatal too")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--minimize-budget", type=float, default=120.0, help="seconds per failing program")
    ap.add_argument("--print", action="store_true", help="print the generated programs, run nothing")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    seeds = [a.seed * 100000 + k for k in range(a.count)]
    if a.print:
        for s in seeds:
            print("# seed %d\n%s" % (s, generate(s)))
        return 0
    a.pyrite = os.path.abspath(a.pyrite)
    fz = Fuzzer(a)
    if a.out:
        os.makedirs(a.out, exist_ok=True)
    counts = {"crash": 0, "timeout": 0, "mismatch": 0, "ok": 0, "skipped": 0}
    start = time.time()
    for s in seeds:
        try:
            src = generate(s)
        except Exception as e:  # a bug of the generator must not end the run
            print("generator error seed=%d: %s: %s" % (s, type(e).__name__, e), flush=True)
            counts["skipped"] += 1
            continue
        r = fz.evaluate(src)
        if r is None:
            counts["skipped"] += 1
            continue
        verdict, why, mode = r
        counts[verdict] += 1
        if verdict == "ok":
            if a.verbose:
                print("ok", s, flush=True)
            continue
        print("%s seed=%d mode=%s: %s" % (verdict, s, " ".join(fz.modes[mode]), why), flush=True)
        if a.out:
            base = os.path.join(a.out, "%s-%d" % (verdict, s))
            with open(base + ".orig.py", "w") as f:
                f.write(src)
            small = src if a.no_minimize else fz.minimize(src, verdict, mode, a.minimize_budget, why)
            with open(base + ".py", "w") as f:
                f.write(small)
            with open(base + ".txt", "w") as f:
                f.write("%s (%s): %s\n" % (verdict, " ".join(fz.modes[mode]), why))
    print("programs %d: %s (%.0f s)" % (len(seeds), ", ".join("%s %d" % kv for kv in counts.items()), time.time() - start), flush=True)
    fatal = counts["crash"] + (counts["mismatch"] + counts["timeout"] if a.strict else 0)
    return 1 if fatal else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
