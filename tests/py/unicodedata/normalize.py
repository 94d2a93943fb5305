# unicodedata.normalize / is_normalized on strings: composition,
# reordering, Hangul, compatibility forms, surrogates, identity of results.
import unicodedata as u

samples = [
    "", "abc", "e\u0301", "\u00e9", "a\u0328\u0301", "a\u0301\u0328", "\u1e0b\u0323", "\u1e0d\u0307",
    "q\u0307\u0323", "\u212b", "\u2126", "\ufb01", "\u2075", "\u00bd", "\u1100\u1161\u11a8", "\uac00\u11a8",
    "\uac01", "\u0041\u030a\u0301", "\u0e40\u0e01", "\u0958", "\u2f868", "\U0002F868", "\uf951",
    "\ud800\u0301", "e\ud800\u0301", "\udc00e\u0301\ud800", "\u03d3", "\u1e9b\u0323", "\uff76\uff9e",
    "\u3131\u314f", "\U0001d400\U0001d7ce", "\u0344", "\u0f73", "\u00c5\u0316", "x\u0316\u0301\u0300",
    "\U00011099\U000110ba", "\U00011131\U00011127", "\u0cc6\u0cc2\u0cd5",
]
for s in samples:
    row = [ascii(s)]
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        row.append(ascii(u.normalize(form, s)))
        row.append(str(u.is_normalized(form, s)))
    old = [ascii(u.ucd_3_2_0.normalize(form, s)) for form in ("NFC", "NFKC")]
    print(" ".join(row), "|", " ".join(old), u.ucd_3_2_0.is_normalized("NFKC", s))

# an already normalized str comes back as the same object when the quick
# check says so (CPython 3.11), str subclasses included
class S(str):
    pass
for s in ("abc", "\u00e9", "e\u0301", S("abc"), S("e\u0301"), "", S("")):
    for form in ("NFC", "NFD"):
        r = u.normalize(form, s)
        print(ascii(s), form, r is s, type(r).__name__)
print(u.ucd_3_2_0.normalize("NFC", "abc") == "abc", type(u.ucd_3_2_0.normalize("NFC", S("abc"))).__name__)
long = ("e\u0301\u0323" * 1000) + "\uac00" * 500
print(len(u.normalize("NFC", long)), len(u.normalize("NFD", long)), len(u.normalize("NFKD", long)))
