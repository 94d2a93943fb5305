#!/usr/bin/env python3.11
"""Writes codecs_expect.txt: CPython 3.11's results for encoding and decoding
with the built-in codecs and error handlers, codec name lookup, and
unicodedata.name per block. runtime_text_codecs_test.cpp compares against it.
Run: python3.11 gen_codecs_expect.py

Lines are tab-separated:
  E codec handler input -> OK bytes | UE start end encoding reason [message] | TE message
  D codec handler input -> OK text [warning] | ...
  P codec handler input -> OK text consumed   (final=False decoding)
  N name -> codec_info_name | LookupError message
  B block crc32-of-names count   (unicodedata.name over 256 code points)
Text is dotted hex code points ("-" for empty), bytes are hex pairs.
"""
import codecs
import random
import warnings
import sys
import unicodedata
import zlib
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

CODECS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
          "utf-32-be", "latin-1", "ascii"]
ESCAPES = ["unicode_escape", "raw_unicode_escape"]
HANDLERS = ["strict", "ignore", "replace", "backslashreplace",
            "xmlcharrefreplace", "namereplace", "surrogateescape",
            "surrogatepass"]

out = ["# CPython %s, written by gen_codecs_expect.py; do not edit"
       % sys.version.split()[0]]
hx = lambda s: ".".join("%X" % ord(c) for c in s) or "-"
hb = lambda b: b.hex() or "-"


def outcome(fn, message=True):
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            r = fn()
        # unicode_escape's DeprecationWarning for unknown escapes.
        if r is not None and caught:
            r = r + [str(caught[0].message)]
    except UnicodeError as e:
        # The message depends only on the error, so strict cases carry it.
        return ["UE", str(e.start), str(e.end), e.encoding, e.reason] + ([str(e)] if message else [])
    except TypeError as e:
        return ["TE", str(e)]
    return None if r is None else ["OK"] + r


encode_inputs = ["", "abc", "a\xe9", "a\xe9\xe9\u1234", "\xff\u0100", "\ud800",
                 "a\ud800\udc00x", "\udc80\udcff", "a\udcff\xe9\udc80",
                 "a\udcff\udc10", "\U0001f600x\U0010ffff", "\u20ac\u00a0",
                 "\x00\x7f\x80", "\U000e0000\u0378\ue000", "\udc80a\ud7ff\ue000",
                 "\U00010400\ud801\udc00", "\ud83d\ude00"]
rng = random.Random(20231)
pool = "a\x00\x7f\x80\xe9\xff\u0100\u20ac\ud800\udbff\udc00\udc80\udcff\udfff\uffff\U00010000\U0010ffff"
for _ in range(12):
    encode_inputs.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 6))))

for codec in CODECS + ESCAPES:
    for handler in HANDLERS if codec in CODECS else ["strict"]:
        for s in encode_inputs:
            r = outcome(lambda: [hb(s.encode(codec, handler))], handler == "strict")
            out.append("\t".join(["E", codec, handler, hx(s)] + r))

decode_inputs = [b"", b"abc", b"a\xff", b"\xe9", b"\xc3\xa9", b"\xe0\x80", b"\xe0",
                 b"\xe0\xa0", b"\xf4\x90", b"\xf0\x90\x80", b"\xf0\x90\x80x",
                 b"\xed\xa0\x80", b"a\xed\xa0\x80b", b"\xed\xbf\xbf", b"\xc0\x80",
                 b"\xf5\x80\x80\x80", b"\xf0\x9f\x98\x80", b"\xff\xfe", b"\xfe\xff",
                 b"\xff\xfea\x00", b"\xfe\xff\x00a", b"\xff\xfe\x00\xd8",
                 b"\xff\xfe\x00\xd8a", b"\xff\xfe\x00\xdc\x00\x00", b"\x00\xd8\x00\x00",
                 b"\x00\xd8\x00", b"\x00\xd8", b"a", b"\x00\xd8\x00\xdc", b"\x00\xdc\x80",
                 b"\x80", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00a",
                 b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a",
                 b"\xff\xfe\x00\x00a\x00\x00\x00\x00\xd8\x00\x00", b"a\xff\x10",
                 b"a\xe0\x10", b"\x80\x81\x82\x83\x84\x85", b"\xe2\x82", b"\xe2\x82\xac",
                 b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\xdc\x80\xdc\x80"]
FIXED = len(decode_inputs)
for _ in range(20):
    decode_inputs.append(bytes(rng.choice([0, 0x41, 0x7f, 0x80, 0xbf, 0xc2, 0xd8, 0xdc, 0xe0,
                                           0xed, 0xef, 0xf0, 0xf4, 0xfe, 0xff, 0x00, 0x10, 0xa0])
                               for _ in range(rng.randint(1, 9))))

escape_inputs = [b"a\\nb", b"\\x4", b"\\x4g", b"\\x41", b"\\u12", b"\\u1234", b"\\U0011ffff",
                 b"\\U00110000x", b"\\U0001F600", b"\\N{LATIN SMALL LETTER A}", b"\\N{bogus}x",
                 b"\\N{", b"\\Nx", b"\\N{a", b"\\", b"a\\", b"\\q", b"\\8", b"\\101",
                 b"\\777", b"\\0", b"\\400\\q", b"\\q\\400", b"\\\xe9", b"\\N{}",
                 b"\\ud800", b"\\\n\\a\\b\\f\\v\\'\\\"\\t\\r\\\\", b"\\\\u1234",
                 b"\\\\\\u1234", b"\\\\\\u12", b"x\\\\\\u12x", b"\\U00110000", b"\xe9\\xe9",
                 b"\\N{latin small letter a}", b"\\N{LF}", b"\\N{CJK UNIFIED IDEOGRAPH-4E00}",
                 b"\\N{cjk unified ideograph-4e00}", b"\\N{CJK UNIFIED IDEOGRAPH-4e00}",
                 b"\\N{HANGUL SYLLABLE GA}", b"\\N{hangul syllable ga}", b"\\N{BYTE ORDER MARK}",
                 b"\\N{NULL}", b"\\N{latin  small letter a}", b"\\N{ LATIN SMALL LETTER A}",
                 b"\\N{KEYCAP NUMBER SIGN}", b"\\N{TANGUT IDEOGRAPH-17000}", b"\\N{VS1}",
                 b"\\N{vs256}", b"\\N{VS257}", b"\\N{CJK COMPATIBILITY IDEOGRAPH-F900}",
                 b"\\N{KHITAN SMALL SCRIPT CHARACTER-18B00}", b"\\N{NUSHU CHARACTER-1B170}",
                 b"\\N{CJK UNIFIED IDEOGRAPH-2B739}", b"\\N{CJK UNIFIED IDEOGRAPH-31350}",
                 b"\\N{LATIN CAPITAL LETTER GHA}", b"\\N{TOXIC}", b"\\N{latin small letter a\xe9}",
                 b"\\N{ZERO WIDTH NO-BREAK SPACE}", b"\\N{BOM}", b"\\N{NBSP}"]
for _ in range(20):
    escape_inputs.append(bytes(rng.choice(b"\\\\\\xuUN{}01479afAF\xe9\n ") for _ in range(rng.randint(1, 9))))

for codec in ESCAPES:
    for handler in HANDLERS:
        inputs = escape_inputs[:12] if "name" in handler or "xml" in handler else escape_inputs
        for b in inputs:
            r = outcome(lambda: [hx(b.decode(codec, handler))], handler == "strict")
            out.append("\t".join(["D", codec, handler, hb(b)] + r))

for codec in CODECS:
    for handler in HANDLERS:
        # Decoding with xmlcharrefreplace/namereplace is a TypeError at the
        # first failure; the fixed inputs show that well enough.
        inputs = decode_inputs[:12] if "name" in handler or "xml" in handler else decode_inputs
        for b in inputs:
            r = outcome(lambda: [hx(b.decode(codec, handler))], handler == "strict")
            out.append("\t".join(["D", codec, handler, hb(b)] + r))

PARTIAL = {"utf-8": codecs.utf_8_decode, "utf-16": codecs.utf_16_decode,
           "utf-16-le": codecs.utf_16_le_decode, "utf-16-be": codecs.utf_16_be_decode,
           "utf-32": codecs.utf_32_decode, "utf-32-le": codecs.utf_32_le_decode,
           "utf-32-be": codecs.utf_32_be_decode,
           "unicode_escape": codecs.unicode_escape_decode,
           "raw_unicode_escape": codecs.raw_unicode_escape_decode}
for codec, fn in PARTIAL.items():
    for handler in ["strict", "surrogateescape"]:
        for b in decode_inputs if codec not in ESCAPES else escape_inputs:
            def go():
                text, used = fn(b, handler, False)
                return [hx(text), str(used)]
            out.append("\t".join(["P", codec, handler, hb(b)] + outcome(go, False)))

names = ["UTF8", "utf_8", "U8", "latin1", "iso-8859-1", "L1", "utf-16LE", "UTF-16-le",
         "utf 8", "utf--8", "  utf8 ", "utf.8", "utf8.", "cp65001", "8859",
         "iso_8859_1:1987", "latin 1", "LATIN-1", "us", "ASCII", "646", "ansi_x3.4_1968",
         "ansi-x3.4-1968", "utf", "unicodebigunmarked", "utf-\xe98", "utf\xb2",
         "u\u0308tf8", "latin_1", "iso8859_1", "x", "", "UTF_8", "utf-32be", "UTF-32",
         "u16", "U32", "utf_16_be", "iso_646.irv:1991", "iso_646_irv_1991", "us-ascii",
         "utf-8-sig", "cp1252", "unicode_escape", "Unicode-Escape", "raw_unicode_escape",
         "unicodeescape", "-utf-8-", "_utf_8", "utf8_ucs2", "latin", "ibm819"]
for n in names:
    try:
        r = [codecs.lookup(n).name]
    except LookupError as e:
        r = ["LookupError", str(e)]
    out.append("\t".join(["N", hx(n)] + r))

for block in range(0x110000 // 256):
    names = []
    for c in range(block * 256, block * 256 + 256):
        names.append(unicodedata.name(chr(c), ""))
    if any(names):
        out.append("\t".join(["B", "%X" % block,
                              "%08x" % zlib.crc32("\n".join(names).encode()),
                              str(sum(1 for n in names if n))]))

Path(__file__).with_name("codecs_expect.txt").write_text("\n".join(out) + "\n")
