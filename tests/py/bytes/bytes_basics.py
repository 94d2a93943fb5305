b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], b[::2], type(b[0]).__name__, type(b[0:1]).__name__)
print(b.upper(), b.title(), b.split(), b.split(b"o"), b.replace(b"l", b"L", 2), b.find(b"o"), b.rfind(b"o"), b.count(b"l"))
print(b.startswith(b"hell"), b.endswith((b"x", b"ld")), b.index(b"w"), b.strip(b"hd"), b.partition(b" "), b.center(15, b"*"))
print(bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes("é", "utf-8"), bytes(b"copy"), bytes(bytearray(b"ba")), bytes())
print(b"a" * 3, b"ab" + b"cd", b"x" in b"xyz", 120 in b"xyz", b"" in b"a", list(b"AZ"), b"a" < b"b", b"abc" == b"abc")
print(b"\x00\x7f\x80\xff\n\t\\'\"", repr(b"'"), repr(b'"'), repr(b"'\""), b"".join([b"a", bytearray(b"b"), memoryview(b"c")]))
print(b"Hello".lower(), b"hello".capitalize(), b"Hello".swapcase(), b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b"  ".isspace(), b"Ab".istitle(), b"ab".islower(), b"AB".isupper(), b"\xe9".isalpha())
for bad in (lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("str"), lambda: bytes(-1), lambda: b"a" + "b", lambda: b"a"[5], lambda: bytes([1.5])):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
