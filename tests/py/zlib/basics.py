# zlib: one-shot compress/decompress, checksums, constants.
import zlib

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(500))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.decompress(c) == data, c[:2].hex())
print(zlib.compress(b"") == zlib.compress(b"", -1), zlib.decompress(zlib.compress(b"")))
print(zlib.compress(b"hello", level=9).hex())
# wbits: zlib, raw deflate, gzip container, automatic header detection
for wbits in (9, 15, -9, -15, 25, 31):
    co = zlib.compressobj(6, zlib.DEFLATED, wbits)
    c = co.compress(data) + co.flush()
    print(wbits, len(c), zlib.decompress(c, wbits) == data)
gz = zlib.compressobj(wbits=31)
g = gz.compress(b"abc" * 100) + gz.flush()
print(g[:3].hex(), zlib.decompress(g, 47), zlib.decompress(zlib.compress(b"xyz"), 47))
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(zlib.compress(data), 15, 0) == data)
print(zlib.compress(bytearray(b"abc")) == zlib.compress(b"abc"), zlib.decompress(memoryview(zlib.compress(b"mv"))))

# checksums
for f, start in ((zlib.crc32, 0), (zlib.adler32, 1)):
    print(f.__name__, f(b""), f(b"hello world"), f(data), f(b"abc", 12345), f(b"abc", -1),
          f(b"abc", 2**40 + 7), f(b"def", f(b"abc")) == f(b"abcdef"), f(bytearray(b"x")))
print(zlib.crc32(b"hello", True))

# constants
for name in sorted(n for n in dir(zlib) if n.isupper()):
    v = getattr(zlib, name)
    if name.endswith("VERSION"):
        print(name, type(v).__name__, v.count("."))
    else:
        print(name, v)
print(zlib.__version__, zlib.error.__mro__, zlib.error.__module__)
print(type(zlib.compressobj()), type(zlib.decompressobj()))
print(sorted(n for n in dir(zlib) if not n.startswith("_")))
