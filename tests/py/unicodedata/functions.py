# unicodedata: the functions on chosen characters, lookup (aliases, named
# sequences, algorithmic names), argument errors, the UCD type.
import unicodedata as u


def check(f, *args, **kw):
    try:
        print(ascii(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))


print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0), u.UCD)
print(sorted(n for n in dir(u) if not n.startswith("_")))
for ch in "A\u00e9\u0301\u0663\u00bd\u2167\u4e00\uac00\u0f33\u00b2\U0001f600\u200f\u2028\uff21\u3000\ufdfa\U00010fff\ue000\ud800":
    print(ascii(ch), u.category(ch), u.bidirectional(ch), u.combining(ch), u.mirrored(ch),
          u.east_asian_width(ch), ascii(u.decomposition(ch)), u.decimal(ch, None), u.digit(ch, None),
          u.numeric(ch, None), u.name(ch, None))
for ch in "(\u0f3a\u2264\u00ab":
    print(ascii(ch), u.mirrored(ch), u.bidirectional(ch))

# lookup: names in any case, aliases, named sequences, algorithmic names
for name in ("LATIN SMALL LETTER A", "latin small letter a", "Latin Capital Letter E With Acute",
             "EURO SIGN", "NULL", "NUL", "LINE FEED", "BYTE ORDER MARK", "BOM", "ZWNJ",
             "LATIN CAPITAL LETTER GHA", "VS1", "VS17", "VS256",
             "KEYCAP NUMBER SIGN", "keycap digit zero", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
             "TAMIL SYLLABLE SSA", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-2A6DF",
             "CJK UNIFIED IDEOGRAPH-9FFF", "cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-4E00 ",
             "HANGUL SYLLABLE GAG", "hangul syllable gag", "HANGUL SYLLABLE BBWEOLS",
             "CJK COMPATIBILITY IDEOGRAPH-F900", "TANGUT IDEOGRAPH-17000", "KHITAN SMALL SCRIPT CHARACTER-18B00",
             "NUSHU CHARACTER-1B170", "LATIN SMALL LETTER QQ", " LATIN SMALL LETTER A",
             "LATIN SMALL  LETTER A", "", "\u00e9", "x" * 256, "x" * 257):
    check(u.lookup, name)
check(u.lookup, b"LATIN SMALL LETTER B")
check(u.lookup, bytearray(b"DIGIT ONE"))
check(u.lookup, b"NO SUCH \xff")
check(u.lookup, "\udcff")
check(u.lookup, 1)
check(u.lookup)
check(u.lookup, "A", "B")
check(u.lookup, name="A")
for c in (0x4E00, 0x9FFF, 0x2A6DF, 0x2B738, 0x31350, 0xAC00, 0xD7A3, 0xF900, 0x17000, 0x18B00, 0x1B170, 0x0, 0xE000, 0x10FFFF, 0xFE00, 0xE0100):
    check(u.name, chr(c))
    check(u.name, chr(c), "dflt")

# arguments
for f in (u.decimal, u.digit, u.numeric, u.name):
    check(f, "a")
    check(f, "a", 0)
    check(f, "ab")
    check(f, 1)
    check(f, "")
    check(f)
    check(f, "a", 1, 2)
    check(f, "a", default=1)
for f in (u.category, u.bidirectional, u.combining, u.mirrored, u.east_asian_width, u.decomposition):
    check(f, "ab")
    check(f, 65)
    check(f)
    check(f, "a", "b")
class S(str):
    pass
check(u.category, S("x"))
check(u.normalize, 1, "a")
check(u.normalize, "NFC", 1)
check(u.normalize, "NFX", "a")
check(u.normalize, "NFX", "")
check(u.normalize, "nfc", "a")
check(u.normalize, S("NFC"), "a\u0301")
check(u.is_normalized, "NFX", "a")
check(u.is_normalized, "NFX", "")
check(u.is_normalized, "NFC", b"a")
check(u.normalize, "NFC")
check(u.normalize, form="NFC", unistr="a")
check(u.UCD)
check(setattr, u.ucd_3_2_0, "unidata_version", "1")
check(type(u.ucd_3_2_0).category, u.ucd_3_2_0, "A")
check(u.ucd_3_2_0.category, "\u0220")
print(u.UCD.__module__, u.UCD.__name__)
