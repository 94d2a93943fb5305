#!/usr/bin/env python3.11
"""Writes unicode_expect.txt: what CPython 3.11 says about every code point
(str predicates, numeric values, full case mappings) plus case-mapping
results for strings where context matters. runtime_text_unicode_test.cpp
compares Pyrite's answers against it. Run: python3.11 gen_unicode_expect.py
"""
import random
import sys
import unicodedata
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

MAX = 0x110000
out = []
w = out.append
w("# CPython %s (Unicode %s), written by gen_unicode_expect.py; do not edit"
  % (sys.version.split()[0], unicodedata.unidata_version))


def ranges(pred):
    start = None
    for c in range(MAX + 1):
        ok = c < MAX and pred(c)
        if ok and start is None:
            start = c
        elif not ok and start is not None:
            yield start, c - 1
            start = None


BOOL = {
    "alpha": lambda c: chr(c).isalpha(),
    "decimal": lambda c: chr(c).isdecimal(),
    "digit": lambda c: chr(c).isdigit(),
    "numeric": lambda c: chr(c).isnumeric(),
    "alnum": lambda c: chr(c).isalnum(),
    "space": lambda c: chr(c).isspace(),
    "printable": lambda c: chr(c).isprintable(),
    "upper": lambda c: chr(c).isupper(),
    "lower": lambda c: chr(c).islower(),
    # istitle() of one character is "titlecase or uppercase".
    "title": lambda c: chr(c).istitle() and not chr(c).isupper(),
    "xid_start": lambda c: c != 0x5F and chr(c).isidentifier(),
    "xid_continue": lambda c: ("a" + chr(c)).isidentifier(),
    "linebreak": lambda c: len(("a" + chr(c) + "b").splitlines()) == 2,
    # Not exposed by Python; observed through title() (a letter after a
    # cased character is lowered) and the Final_Sigma rule of lower().
    "cased": lambda c: (chr(c) + "a").title()[-1] == "a",
    "case_ignorable": lambda c: (("A\u03a3" + chr(c)).lower()[1] == "\u03c2"
                                 if (chr(c) + "a").title()[-1] == "a"
                                 else ("A" + chr(c) + "\u03a3").lower()[-1] == "\u03c2"),
}
for name, pred in BOOL.items():
    w("P " + name)
    for a, b in ranges(pred):
        w("%X %X" % (a, b))

# Runs of consecutive code points whose value goes up by one.
for name, fn in (("decimal", unicodedata.decimal), ("digit", unicodedata.digit)):
    w("V " + name)
    run = None
    for c in range(MAX):
        v = fn(chr(c), None)
        if v is not None and run and run[1] == c - 1 and run[3] == v - 1:
            run[1], run[3] = c, v
            continue
        if run:
            w("%X %X %d" % tuple(run[:3]))
            run = None
        if v is not None:
            run = [c, c, v, v]
    if run:
        w("%X %X %d" % tuple(run[:3]))

w("N numeric")
for c in range(MAX):
    v = unicodedata.numeric(chr(c), None)
    if v is not None and not (0x30 <= c <= 0x39):
        w("%X %s" % (c, v.hex()))

# Case maps: single-character results as runs "start end step delta",
# multi-character results one per line "cp = X Y Z".
MAPS = {"lower": str.lower, "upper": str.upper, "title": str.title,
        "casefold": str.casefold}
for name, fn in MAPS.items():
    w("M " + name)
    singles, multis = [], []
    for c in range(MAX):
        r = fn(chr(c))
        if len(r) == 1:
            if ord(r) != c:
                singles.append((c, ord(r) - c))
        else:
            multis.append((c, r))
    i = 0
    while i < len(singles):
        c, d = singles[i]
        j = i + 1
        step = singles[j][0] - c if j < len(singles) else 1
        if step not in (1, 2):
            step = 1
        while (j < len(singles) and singles[j][1] == d
               and singles[j][0] - singles[j - 1][0] == step):
            j += 1
        w("%X %X %d %d" % (c, singles[j - 1][0], step if j > i + 1 else 1, d))
        i = j
    for c, r in multis:
        w("%X = %s" % (c, " ".join("%X" % ord(x) for x in r)))

# Strings: context rules (Final_Sigma, title, capitalize, swapcase) and the
# string predicates, on random mixes of interesting characters.
rng = random.Random(1311)
pool = ("aZ ΣσςΑα'’.-ǅǆǄßﬁŉİıi̇\u0345\u0307\u00ad\u200d:_1٣ᾈᾀ"
        "ⅷⅧ\U00010400\U00010428\ud800\udc00 \t\n\u2028ǰẞΐ")
cases = ["", "Σ", "aΣ", "aΣb", "aΣ.", "a.Σ", "Σa", "ΑΣ'Σ", "aΣ\u0345b",
         "they're bill's", "ǆa", "ǅA", "ßa", "ﬁ ﬂ", "hello world", "ŉ",
         "İstanbul", "\ud800\udc00", "\U00010428x"]
for _ in range(400):
    n = rng.randint(1, 8)
    cases.append("".join(rng.choice(pool) for _ in range(n)))
OPS = ["lower", "upper", "casefold", "title", "capitalize", "swapcase"]
PREDS = ["islower", "isupper", "istitle", "isidentifier", "isspace",
         "isalnum", "isprintable"]
w("S " + " ".join(OPS) + " | " + " ".join(PREDS))
hx = lambda s: ".".join("%X" % ord(x) for x in s) or "-"
for s in cases:
    fields = [hx(s)] + [hx(getattr(s, op)()) for op in OPS]
    fields.append("".join("1" if getattr(s, p)() else "0" for p in PREDS))
    w(" ".join(fields))

Path(__file__).with_name("unicode_expect.txt").write_text("\n".join(out) + "\n")
