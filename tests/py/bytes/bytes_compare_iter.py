items = [b"b", b"a", b"", b"ab", b"\xff", b"\x00", b"B", b"aa"]
print(sorted(items), max(items), min(items))
print(b"abc" < b"abd", b"ab" < b"abc", b"" < b"\x00", bytearray(b"a") < b"b", b"a" == bytearray(b"a"), b"a" == "a")
for v in b"Hi!":
    print(v, end=" ")
print()
it = iter(bytearray(b"xy"))
print(next(it), next(it), list(it), list(enumerate(b"ab")), sum(b"\x01\x02\x03"), max(b"hello"), sorted(b"cab"))
print(b"hello".count(b"l"), [c for c in b"abc" if c > 97], bytes(reversed(b"abc")), b"%c" % 0x41)
try:
    b"a" < "a"
except TypeError as e:
    print(type(e).__name__, e)
print(b"a" in [b"a"], b"a" in (bytearray(b"a"),), 97 in bytearray(b"abc"), 300 in b"a" if False else "skip")
try:
    300 in b"abc"
except ValueError as e:
    print(type(e).__name__, e)
