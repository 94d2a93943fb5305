print(b"%s %s" % (b"bytes", bytearray(b"ba")), b"%d|%5d|%-5d|%05d" % (1, 2, 3, -4), b"%x %X %o %c %c" % (255, 255, 8, 65, b"z"))
print(b"%r %a" % ("é", "é"), b"%b" % b"binary", b"%.2f %e %g" % (3.14159, 1.5, 0.0001), b"%%|%(k)s" % {b"k": b"v"})
print(b"%5s|%-5s|%.1s" % (b"ab", b"ab", b"xyz"), b"%s" % memoryview(b"mv"))
for fmt, args in [(b"%s", "str"), (b"%d", b"x"), (b"%c", 256), (b"%c", b"ab"), (b"%s %s", (b"a",)), (b"%y", 1), (b"%s", 5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print(bytearray(b"%d-%d") % (1, 2), type(bytearray(b"%s") % b"x").__name__)
