print("a" == b"a", "a" != b"a", str(b"a"), repr(str(bytearray(b"x"))))
for f in (lambda: "a" + b"a", lambda: b"a" + "a", lambda: "a" in b"abc", lambda: b"a" in "abc", lambda: bytes("abc"), lambda: "".join([b"a"]), lambda: b"".join(["a"]), lambda: "abc".startswith(b"a")):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
print(bytes("abc", "ascii"), "abc".encode() == b"abc", b"abc".decode() == "abc", list("ab".encode()), bytes([104, 105]).decode())
print(sorted(["b", "a"]), sorted([b"b", b"a"]))
try:
    sorted(["a", b"a"])
except TypeError as e:
    print(type(e).__name__, e)
