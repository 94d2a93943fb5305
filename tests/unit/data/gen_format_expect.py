#!/usr/bin/env python3.11
"""Writes format_expect.txt: what CPython 3.11 does with str.format and "%"
templates, for runtime_text_format_test.cpp, which replays them with the
parsed templates and a toy object model that mirrors the classes below.
Run: python3.11 gen_format_expect.py

  M template items...        _string.formatter_parser: literal|name|spec|conv per item, or !error
  F template result          '...'.format(p0, p1, p2, a=, b=, c=) with R objects
  P mode template result     template % (tuple of V) or % {dict of V}
  D dictstr                  str() of the dict used in "P dict" cases
Templates and texts are dotted hex code points ("-" is empty); tab-separated;
a result is OK<tab>text or the exception as "Type: message".
"""
import _string
import random
import sys
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

hx = lambda s: ".".join("%X" % ord(c) for c in s) or "-"
out = ["# CPython %s, written by gen_format_expect.py; do not edit" % sys.version.split()[0]]


class S(str):
    """What repr()/str() of an R give: formats as {text|spec}."""
    def __format__(self, spec):
        return "{" + str.__str__(self) + "|" + spec + "}"


class R:
    """An argument that records how it was reached."""
    def __init__(self, p):
        self.p = p

    def __getattr__(self, n):
        if n.startswith("bad") or n.startswith("__"):
            raise AttributeError("no " + n)
        return R(self.p + "." + n)

    def __getitem__(self, k):
        return R(self.p + "[" + repr(k) + "]")

    def __repr__(self):
        return S("repr(" + self.p + ")")

    def __str__(self):
        return S("str(" + self.p + ")")

    def __format__(self, spec):
        return "<" + self.p + "|" + spec + ">"


class V(int):
    """A "%" argument: an int (for '*') whose str/repr name it."""
    def __new__(cls, v, p):
        self = int.__new__(cls, v)
        self.p = p
        return self

    def __str__(self):
        return "str(" + self.p + ")"

    def __repr__(self):
        return "repr(" + self.p + ")"


def run(fn):
    try:
        return ["OK", hx(fn())]
    except Exception as e:
        return [type(e).__name__ + ": " + (repr(e.args[0]) if isinstance(e, KeyError) else str(e))]


fixed = ['{a!{}}', '{0[{]}}', '{0[}]}', '{a{b}c}', '{!r}', '{}', '{0}{}', '{}{0}', '{a!r',
         '{a!', '{a!rx}', '{a!r:}', '{a!r:x}', '{a!x}', '{a!\x01}', '{a! }', '{a!\xe9}', '{0.}',
         '{0[]}', '{0[0]x}', '{0[0}', '{0..a}', '{0.a[1].b}', '{0[a.b]}', '{0[ 1]}', '{0[-1]}',
         '{\u0663}', '{0[\u0663]}', '{:{:{}}}', '{:{}}', '{:{:x}}', '{0:{1:{2}}}', '}', '{',
         'a}b', 'a{{b}}', '{}}', '{{}', '{0:}}', '{0:{}', '{0:{}}}', '{:}', '{ }', '{0 }',
         '{a.b!r:>{c}}', '{[0]}', '{.a}', '{0!r!s}', '{0:!r}', '{99999999999999999999}',
         '{0[99999999999999999999]}', '{:{:}}', '{a:{{}}}', '{0:{{}', '{0!}', '{!}', '{:',
         '{0:x', '{!r:', '{0[', '{0.', '{0]}', '{0:{a}', '{0:{a}}', '{5}', '{d}', '{0.bad}',
         '{0.bad.}', '{0.x.bad[}', '{0!s:{1}}', '{0!a}', '{a}{b}{c}', 'x{{y}}z{}', '{0:{1}{2}}',
         '{:{}{}}{}', '{0!\x00}', '', 'plain', '{a[x]}', '{a[0][1].y}', '{0:{0:{0}}}',
         '{a:{b:{c}}}', '{0:{:}}']
rng = random.Random(99)
alphabet = "{}{}01 5ab..[]!rs:>\u0663x"
templates = list(fixed)
for _ in range(1500):
    t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
    if "!a" not in t:
        templates.append(t)
seen = set()
for t in templates:
    if t in seen:
        continue
    seen.add(t)
    try:
        items = []
        for lit, name, spec, conv in _string.formatter_parser(t):
            items.append("|".join([hx(lit), "~" if name is None else hx(name),
                                   "~" if spec is None else hx(spec),
                                   "~" if conv is None else hx(conv)]))
    except ValueError as e:
        items.append("!" + str(e))
    out.append("\t".join(["M", hx(t)] + items))
    args = (R("p0"), R("p1"), R("p2"))
    kwargs = {"a": R("a"), "b": R("b"), "c": R("c")}
    out.append("\t".join(["F", hx(t)] + run(lambda: t.format(*args, **kwargs))))

pct_fixed = ['%', 'abc%', '%y', 'ab%-5y', '%(a', '%(a)', '%(a(b))s', '%5%', '%-5%', '%.3%', '%*s',
             '%.*s', '%hs', '%ls', '%Ls', '%lls', '%5', '%.', '%(a)s %s', '%s %(a)s', '%\xe9',
             '%\x01', '%\u1234', '%(a)*s', '%s', '%s%s%s%s%s', '%99999999999999999999s',
             '%.99999999999999999999s', '%.9999999999s', '% +-#0s', '%-*s', '%(a)', '%(', '%()s',
             '%%%', '%b', '%r %a %s', '100%%', '%%', '%-10.3s|', '%(b)-6.2r|', '%(a)%', '%(a)5%',
             '%*.99999999999999999999s', '%(a)99999999999999999999s', '%(a)5', '%5.3', '%-',
             '%(a)s%(b', '%s %(a', '%(a)s %', '%\x1f', '%~', '%*', '%.*', '%*.*s', '%(a)*.*s']
pct = [(t, m) for t in pct_fixed for m in ("tuple", "dict")]
alphabet = "%%%()abssry*.-029 lQ"
for _ in range(1500):
    t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
    pct.append((t, rng.choice(["tuple", "dict"])))
tuple_args = (V(2, "p0"), V(3, "p1"), V(1, "p2"), V(4, "p3"))
dict_args = {"a": V(2, "a"), "b": V(3, "b"), "": V(1, "e"), "a(b)": V(2, "ab")}
out.append("\t".join(["D", hx(str(dict_args))]))
seen = set()
for t, mode in pct:
    if (t, mode) in seen:
        continue
    seen.add((t, mode))
    args = tuple_args if mode == "tuple" else dict_args
    out.append("\t".join(["P", mode, hx(t)] + run(lambda: t % args)))

Path(__file__).with_name("format_expect.txt").write_text("\n".join(out) + "\n")
