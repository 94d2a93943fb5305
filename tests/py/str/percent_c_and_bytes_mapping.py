# '%c' takes an int or anything with __index__ (its other errors pass
# through); bytes % a single bytearray is no mapping, and the leftover
# argument error says "bytes formatting".


class PseudoInt:
    def __index__(self):
        return 109


class IntOnly:
    def __int__(self):
        return 109


class Raising:
    def __index__(self):
        raise RuntimeError("index")


for fmt, arg in [
    ("%c", 109),
    ("%c", PseudoInt()),
    ("%c", IntOnly()),
    ("%c", 3.5),
    ("%c", Raising()),
    ("%c", 0x110000),
    ("%c", -1),
    ("%c", 2**70),
    ("%c", "ab"),
    ("%c", "\U00021483"),
    (b"no format", 7),
    (b"no format", b"1"),
    (b"no format", bytearray(b"1")),
    (b"no format", memoryview(b"1")),
    (b"no format", {}),
    ("no format", b"1"),
    ("no format", 7),
    (b"%c", PseudoInt()),
]:
    try:
        print(repr(fmt % arg))
    except Exception as e:
        print(type(e).__name__, e)

for arg in (IntOnly(), Raising(), 256, b"ab", bytearray(b"z"), "a"):
    try:
        print(repr(b"%c" % arg))
    except Exception as e:
        print(type(e).__name__, e)
