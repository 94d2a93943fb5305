MASK64 = (1 << 64) - 1
def fnv1a(data):
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & MASK64
    return h
for s in [b"", b"a", b"foobar", b"hello world", bytes(range(256))]:
    print(s[:12], hex(fnv1a(s)))
def xorshift64(x):
    x ^= (x << 13) & MASK64
    x ^= x >> 7
    x ^= (x << 17) & MASK64
    return x
x = 88172645463325252
out = []
for _ in range(8):
    x = xorshift64(x)
    out.append(x % 1000)
print(out, x)
def rotl32(v, r):
    return ((v << r) | (v >> (32 - r))) & 0xFFFFFFFF
print([hex(rotl32(0x12345678, r)) for r in (0, 4, 8, 31)])
def to_signed64(v):
    return v - (1 << 64) if v & (1 << 63) else v
print(to_signed64(fnv1a(b"abc")), to_signed64(0xFFFFFFFFFFFFFFFF), to_signed64(5))
