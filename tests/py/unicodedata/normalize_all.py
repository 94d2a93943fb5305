# unicodedata.normalize and is_normalized of every single code point in the
# four forms, for Unicode 14.0.0 and for ucd_3_2_0 (a CRC-32 per plane),
# and the ucd_3_2_0 answers that come from the character's existence in
# Unicode 3.2 (unassigned: category Cn, no name, no decomposition).
import unicodedata
import zlib

old = unicodedata.ucd_3_2_0


def digest(f, lo, hi):
    return zlib.crc32("\n".join([f(chr(c)) for c in range(lo, hi)]).encode("utf-8", "surrogatepass"))


tests = {}
for db_name, db in (("14.0", unicodedata), ("3.2", old)):
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        tests["%s %s" % (db_name, form)] = (lambda db, form: lambda c: db.normalize(form, c))(db, form)
    tests[db_name + " is_normalized"] = (lambda db: lambda c: "%d%d%d%d" % (
        db.is_normalized("NFC", c), db.is_normalized("NFD", c),
        db.is_normalized("NFKC", c), db.is_normalized("NFKD", c)))(db)
tests["3.2 unassigned"] = lambda c: "1" if old.category(c) == "Cn" else "0"
tests["3.2 name"] = lambda c: old.name(c, "-")
tests["3.2 combining"] = lambda c: str(old.combining(c))
tests["3.2 decomposition"] = old.decomposition
tests["3.2 digit"] = lambda c: str(old.digit(c, "-"))
tests["3.2 numeric"] = lambda c: repr(old.numeric(c, "-"))
for name, f in tests.items():
    sums = ["%08x" % digest(f, plane << 16, (plane + 1) << 16) for plane in (0, 1, 2, 3, 14, 15, 16)]
    print(name, " ".join(sums))
