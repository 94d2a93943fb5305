# LZW compression and decompression over bytes (own implementation).
def compress(data):
    table = {bytes([i]): i for i in range(256)}
    w = b""
    out = []
    for b in data:
        wc = w + bytes([b])
        if wc in table:
            w = wc
        else:
            out.append(table[w])
            table[wc] = len(table)
            w = bytes([b])
    if w:
        out.append(table[w])
    return out
def decompress(codes):
    table = {i: bytes([i]) for i in range(256)}
    if not codes:
        return b""
    w = table[codes[0]]
    out = [w]
    for k in codes[1:]:
        if k in table:
            entry = table[k]
        elif k == len(table):
            entry = w + w[:1]
        else:
            raise ValueError(f"bad code {k}")
        out.append(entry)
        table[len(table)] = w + entry[:1]
        w = entry
    return b"".join(out)
samples = [b"", b"a", b"TOBEORNOTTOBEORTOBEORNOT", b"abababababababababababab", "ünïcödé text ✓".encode() * 3, bytes(range(256)) * 2,
           b"the quick brown fox jumps over the lazy dog " * 20]
for s in samples:
    codes = compress(s)
    back = decompress(codes)
    print(len(s), len(codes), back == s, codes[:12])
try:
    decompress([65, 999])
except ValueError as e:
    print(type(e).__name__, e)
