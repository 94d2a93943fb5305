def make_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        table.append(c)
    return table
TABLE = make_table()
def crc32(data, crc=0):
    crc ^= 0xFFFFFFFF
    for byte in data:
        crc = TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF
for s in [b"", b"a", b"abc", b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 4]:
    print(len(s), hex(crc32(s)))
print(hex(crc32(b"world", crc32(b"hello "))) == hex(crc32(b"hello world")))
def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
print(hex(adler32(b"Wikipedia")), hex(adler32(b"")))
