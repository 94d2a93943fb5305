print(ascii("abc"), ascii("é"), ascii("日本"), ascii("😀"), ascii(["é", 1]), ascii(b"\xff"), ascii(1.5), ascii(None))
for n in [0, 1, -1, 10, 255, -256, 2 ** 64, -(2 ** 64) + 1]:
    print(n, bin(n), oct(n), hex(n))
class I:
    def __index__(self): return 42
print(bin(I()), oct(I()), hex(I()), bin(True))
for f in (bin, oct, hex):
    try:
        f(1.5)
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
    try:
        f("1")
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
