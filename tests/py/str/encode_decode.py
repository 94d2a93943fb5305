s = "héllo wörld ✓ 😀"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "ascii"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            b = s.encode(enc, errors)
            print(enc, errors, b[:40], len(b))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e)
bad = b"ab\xff\xfecd\xc3"
for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
    try:
        d = bad.decode("utf-8", errors)
        print(errors, repr(d), len(d))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e)
print(bad.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == bad)
print(bad.decode("latin-1"), repr(bad.decode("latin-1").encode("latin-1")))
print("x".encode(), "é".encode("UTF8"), "é".encode("Latin1"), "é".encode(encoding="utf_8"), b"\xc3\xa9".decode())
print(str(b"\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(b"\xff", "ascii", "replace"), repr(str(b"abc")))
print("\u20ac".encode("utf-16"), "\u20ac".encode("utf-32")[:4])
print(b"\xff\xfe\xac\x20".decode("utf-16"), "😀".encode("utf-16-le"), b"=\xd8\x00\xde".decode("utf-16-le"))
try:
    "x".encode("utf-8", "bogus-handler")
    print("unused handler not looked up")
    "é".encode("ascii", "bogus-handler")
except LookupError as e:
    print(type(e).__name__, e)
