# unicodedata over every code point 0..0x10FFFF: a CRC-32 per 64K plane of
# each function's answers, so any difference from CPython 3.11 (Unicode
# 14.0.0) names the function and the plane.
import unicodedata
import zlib


def digest(f, lo, hi):
    return zlib.crc32("\n".join([f(chr(c)) for c in range(lo, hi)]).encode("utf-8", "surrogatepass"))


u = unicodedata
functions = {
    "category": u.category,
    "bidirectional": u.bidirectional,
    "combining": lambda c: str(u.combining(c)),
    "mirrored": lambda c: str(u.mirrored(c)),
    "east_asian_width": u.east_asian_width,
    "decomposition": u.decomposition,
    "decimal": lambda c: str(u.decimal(c, "-")),
    "digit": lambda c: str(u.digit(c, "-")),
    "numeric": lambda c: repr(u.numeric(c, "-")),
    "name": lambda c: u.name(c, "-"),
}
print(u.unidata_version)
for name, f in functions.items():
    sums = ["%08x" % digest(f, plane << 16, (plane + 1) << 16) for plane in range(17)]
    print(name, " ".join(sums))
