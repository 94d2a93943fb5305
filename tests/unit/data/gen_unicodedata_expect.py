#!/usr/bin/env python3.11
"""Writes unicodedata_expect.txt: CPython 3.11's unicodedata answers, for
runtime_text_unicodedata_test.cpp. Run: python3.11 gen_unicodedata_expect.py

  C block crc32    over "category|bidirectional|combining|mirrored|east_asian_width|decomposition"
                   lines of the block's 256 code points
  N text NFC NFD NFKC NFKD flags   flags: is_normalized for the four forms as 0/1
Text is dotted hex code points; tab-separated.
"""
import random
import sys
import unicodedata as u
import zlib
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

hx = lambda s: ".".join("%X" % ord(c) for c in s) or "-"
out = ["# CPython %s (Unicode %s), written by gen_unicodedata_expect.py; do not edit"
       % (sys.version.split()[0], u.unidata_version)]


def line(c):
    ch = chr(c)
    return "|".join([u.category(ch), u.bidirectional(ch), str(u.combining(ch)),
                     str(u.mirrored(ch)), u.east_asian_width(ch), u.decomposition(ch)])


for block in range(0x110000 // 256):
    text = "\n".join(line(c) for c in range(block * 256, block * 256 + 256))
    out.append("\t".join(["C", "%X" % block, "%08x" % zlib.crc32(text.encode())]))

rng = random.Random(5)
pool = ("aeAE\u0301\u0300\u0327\u0323\u0308\u00e9\u00c5\u212b\u1e9b\u1e0b\u0323\u0307"
        "\uac00\u1100\u1161\u11a8\u3131\ufb01\u00bd\u2460\uff21\u1f80\u0345\u03b9"
        "\ud800\udc00\U0001d15e\U0001d165\u0f73\u0f71\u0f72\u2126\u00b5\u1e9e\u0958"
        "\u0915\u093c\U0001109a\U00011099\U000110ba")
cases = ["", "e\u0301", "\u00e9", "\ud800\udc00", "\u1e9b\u0323", "\uac00\u11a8", "\U0001d15e"]
for _ in range(500):
    cases.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 8))))
forms = ["NFC", "NFD", "NFKC", "NFKD"]
for s in cases:
    out.append("\t".join(["N", hx(s)] + [hx(u.normalize(f, s)) for f in forms]
                         + ["".join("1" if u.is_normalized(f, s) else "0" for f in forms)]))

Path(__file__).with_name("unicodedata_expect.txt").write_text("\n".join(out) + "\n")
