data = b"ok \xe2\x82\xac bad \xff\xfe end \xc3"
for errors in ("strict", "replace", "ignore", "backslashreplace", "surrogateescape"):
    try:
        print(errors, repr(data.decode("utf-8", errors)))
    except UnicodeDecodeError as e:
        print(errors, "error:", e.reason, e.start, e.end, e.object[e.start:e.end])
for enc in ("ascii", "latin-1", "utf-16-le"):
    try:
        print(enc, repr(data.decode(enc)))
    except UnicodeDecodeError as e:
        print(enc, "error:", e)
print(repr(data.decode("ascii", "replace")), repr(b"\xff\xfe\x41\x00".decode("utf-16")), repr(b"abc".decode("utf-8-sig")), repr(b"\xef\xbb\xbfabc".decode("utf-8-sig")))
try:
    data.decode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
