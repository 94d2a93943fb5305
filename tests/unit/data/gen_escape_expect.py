#!/usr/bin/env python3.11
"""Writes escape_expect.txt: CPython 3.11's repr()/ascii() of strs and
bytes and the unicode_escape / raw_unicode_escape encoders.
runtime_text_escape_test.cpp compares against it. Run: python3.11 gen_escape_expect.py

  C block crc32(repr lines) crc32(ascii lines)   repr(chr(c)) for 256 code points
  S text repr ascii unicode_escape raw_unicode_escape
  Y bytes repr(bytes) repr(bytearray)
Text is dotted hex code points ("-" for empty), bytes hex pairs; tab-separated.
"""
import random
import sys
import zlib
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

out = ["# CPython %s, written by gen_escape_expect.py; do not edit" % sys.version.split()[0]]
hx = lambda s: ".".join("%X" % ord(c) for c in s) or "-"
hb = lambda b: b.hex() or "-"
crc = lambda lines: "%08x" % zlib.crc32("\n".join(lines).encode("utf-8", "surrogatepass"))

for block in range(0x110000 // 256):
    cs = [chr(c) for c in range(block * 256, block * 256 + 256)]
    out.append("\t".join(["C", "%X" % block, crc([repr(c) for c in cs]),
                          crc([ascii(c) for c in cs])]))

strings = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "\\", "\t\n\r",
           "\x00\x1f\x7f\x80\x9f\xa0\xad\xff", "caf\xe9", "\u2028\u2029", "\ud800\udfff",
           "\U0001f600", "\U000e0001", "\u0378", "\ufeff", "\u200b", "\U0010ffff",
           "\u3000 \xa0", "\\x41", "\N{GREEK SMALL LETTER ALPHA}\u0300"]
rng = random.Random(7)
pool = "a'\"\\\t\n\r\x00\x7f\x80\xe9\xff\u0100\u2028\ud800\U0001f600\U000e0000 "
for _ in range(200):
    strings.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 7))))
for s in strings:
    out.append("\t".join(["S", hx(s), hx(repr(s)), hx(ascii(s)),
                          hb(s.encode("unicode_escape")), hb(s.encode("raw_unicode_escape"))]))

blobs = [b"", bytes(range(256)), b"'", b'"', b"'\"", b"it's", b"\\", b"\t\n\r"]
for _ in range(100):
    blobs.append(bytes(rng.choice(b"a'\"\\\t\n\r\x00\x1f\x7f\x80\xff ") for _ in range(rng.randint(1, 6))))
for b in blobs:
    out.append("\t".join(["Y", hb(b), repr(b), repr(bytearray(b))]))

Path(__file__).with_name("escape_expect.txt").write_text("\n".join(out) + "\n")
