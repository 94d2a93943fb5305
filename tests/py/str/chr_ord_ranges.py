print([chr(i) for i in range(65, 91)] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
print(ord("a"), ord("€"), ord("\U0001F600"), hex(ord("\uffff")), chr(0x1F600), repr(chr(0xD800)), repr(chr(0x7F)))
for bad in [-1, 0x110000, 2 ** 31, -(2 ** 40)]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)
for bad in ["", "ab", b"", 5]:
    try:
        ord(bad)
    except TypeError as e:
        print(repr(bad), type(e).__name__, e)
print(all(ord(chr(i)) == i for i in range(0, 0x110000, 997)))
print("".join(chr(c) for c in range(0x3b1, 0x3ca)), sum(ord(c) for c in "checksum"))
try:
    chr(1.5)
except TypeError as e:
    print(type(e).__name__, e)
