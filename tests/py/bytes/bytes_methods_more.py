b = b"  The quick brown fox  "
print(b.strip(), b.lstrip(), b.rstrip(), b.split(None, 2), b.rsplit(None, 1), b.splitlines(), b"a\nb\r\nc".splitlines(True))
print(b"a-b-c".rsplit(b"-", 1), b"a-b-c".rpartition(b"-"), b"abc".zfill(6), b"-5".zfill(4), b"a\tb".expandtabs(4), b"ab".ljust(4, b"."), b"ab".rjust(4))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"), bytes.maketrans(b"", b"")[:5])
print(b"www.site.com".removeprefix(b"www."), b"file.txt".removesuffix(b".txt"), b"ab".join([b"1", b"2", b"3"]))
print(b"abcabc".index(b"c", 3), b"abcabc".rindex(b"a"), b"abc".find(98), b"abc".count(ord("a")), b"abcabc".replace(b"", b"."))
print(b"Title case here".title(), b"x".isascii(), b"\x80".isascii(), b"ABC".lower(), b"abc"[1:2] == b"b", b"abc"[1] == 98)
try:
    b"abc".find("b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a".split("")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a".split(b"")
except ValueError as e:
    print(type(e).__name__, e)
print(b"abc".decode("ascii"), bytes(b"\xc3\xa9").decode(), b"\xe9".decode("latin-1"), b"x".decode(encoding="utf-8", errors="strict"))
