print(chr(97), chr(0x20ac), chr(0x1f600), ord("a"), ord("€"), ord("😀"), [chr(i) for i in range(65, 70)])
print(ord(b"A"), ord(bytearray(b"z")), chr(ord("a") + 1), "".join(chr(ord(c) ^ 32) for c in "Hello"))
class I:
    def __index__(self): return 66
print(chr(I()))
for bad in [-1, 0x110000, "a", 1.0]:
    try:
        chr(bad)
    except (ValueError, TypeError) as e:
        print(repr(bad), type(e).__name__, e)
for bad in ["", "ab", 65, [1]]:
    try:
        ord(bad)
    except TypeError as e:
        print(repr(bad), type(e).__name__, e)
