ALPHA = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64encode(data):
    out = bytearray()
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        quad = [ALPHA[(n >> s) & 63] for s in (18, 12, 6, 0)]
        pad = 3 - len(chunk)
        out += bytes(quad[:4 - pad]) + b"=" * pad
    return bytes(out)
def b64decode(s):
    rev = {c: i for i, c in enumerate(ALPHA)}
    s = s.rstrip(b"=")
    out = bytearray()
    for i in range(0, len(s), 4):
        chunk = s[i:i + 4]
        n = 0
        for c in chunk:
            n = n * 64 + rev[c]
        n <<= 6 * (4 - len(chunk))
        out += n.to_bytes(3, "big")[:len(chunk) - 1]
    return bytes(out)
for s in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", "héllo ✓".encode(), bytes(range(256))]:
    e = b64encode(s)
    print(e[:60], b64decode(e) == s)
