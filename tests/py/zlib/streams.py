# zlib.Compress / zlib.Decompress: incremental use, flush modes, max_length,
# unconsumed_tail, unused_data, eof, copy, zdict.
import zlib
import copy

data = bytes(range(256)) * 40 + b"tail" * 1000
co = zlib.compressobj(9)
parts = [co.compress(data[i:i + 777]) for i in range(0, len(data), 777)]
parts.append(co.flush())
comp = b"".join(parts)
print(len(comp), zlib.decompress(comp) == data)

# flush modes
co = zlib.compressobj()
out = co.compress(b"abc" * 10)
for mode in (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK):
    out += co.compress(b"xyz")
    f = co.flush(mode)
    print(mode, f.hex())
    out += f
out += co.flush()
print(zlib.decompress(out))
try:
    co.compress(b"more")
except zlib.error as e:
    print("error", e)
print(co.flush(zlib.Z_NO_FLUSH))
try:
    co.flush()
except zlib.error as e:
    print("error", e)
try:
    co.copy()
except ValueError as e:
    print("ValueError", e)

# decompress piece by piece
do = zlib.decompressobj()
got = b""
for i in range(0, len(comp), 100):
    got += do.decompress(comp[i:i + 100])
got += do.flush()
print(got == data, do.eof, do.unused_data, do.unconsumed_tail)

# max_length and unconsumed_tail
do = zlib.decompressobj()
chunks = []
buf = comp
while buf:
    chunk = do.decompress(buf, 1000)
    chunks.append(len(chunk))
    buf = do.unconsumed_tail
print(len(chunks), chunks[:5], sum(chunks), do.eof)
do = zlib.decompressobj()
first = do.decompress(comp, 10)
print(first, len(do.unconsumed_tail), do.eof)
rest = do.flush()
print(len(first + rest) == len(data), do.eof, do.unconsumed_tail)
print(do.flush())
try:
    do.decompress(b"")
except zlib.error as e:
    print("error", e)

# unused_data after the end of the stream
do = zlib.decompressobj()
x = do.decompress(zlib.compress(b"first") + b"EXTRA")
print(x, do.unused_data, do.eof, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data)
do = zlib.decompressobj()
c2 = zlib.compress(b"second")
print(do.decompress(c2[:-2]), do.eof, do.decompress(c2[-2:] + b"!!"), do.eof, do.unused_data)

# truncated and corrupt streams
do = zlib.decompressobj()
print(do.decompress(comp[:50]) == data[:len(do.decompress(b""))] or True, do.eof)
print(len(do.flush()), do.eof)
do = zlib.decompressobj()
try:
    do.decompress(b"garbage!")
except zlib.error as e:
    print("error", e)

# copy
co = zlib.compressobj()
a = co.compress(b"common prefix ")
c1 = co.copy()
c2 = copy.copy(co)
c3 = copy.deepcopy(co)
r0 = a + co.compress(b"zero") + co.flush()
r1 = a + c1.compress(b"one") + c1.flush()
r2 = a + c2.compress(b"two") + c2.flush()
r3 = a + c3.compress(b"three") + c3.flush()
print([zlib.decompress(r) for r in (r0, r1, r2, r3)])
do = zlib.decompressobj()
half = do.decompress(comp[:300])
dc = do.copy()
print(half + do.decompress(comp[300:]) == data, half + dc.decompress(comp[300:]) == data)
dd = copy.copy(dc)
print(dd.eof, dc.eof, type(dd).__name__)
do = zlib.decompressobj()
do.decompress(zlib.compress(b"x"))
do.flush()
try:
    do.copy()
except ValueError as e:
    print("ValueError", e)

# zdict
zd = b"the quick brown fox jumps over the lazy dog"
co = zlib.compressobj(zdict=zd)
c = co.compress(b"the lazy dog and the quick fox") + co.flush()
print(len(c), zlib.decompressobj(zdict=zd).decompress(c))
try:
    zlib.decompress(c)
except zlib.error as e:
    print("error", e)
try:
    zlib.decompressobj().decompress(c)
except zlib.error as e:
    print("error", e)
try:
    zlib.decompressobj(zdict=b"wrong dictionary").decompress(c)
except zlib.error as e:
    print("error", e)
co = zlib.compressobj(wbits=-15, zdict=zd)
c = co.compress(b"quick brown") + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=bytearray(zd)).decompress(c))
co = zlib.compressobj(zdict=memoryview(zd))
c = co.compress(b"over the lazy") + co.flush()
do = zlib.decompressobj(zdict=zd)
print(do.decompress(c[:5]), do.decompress(c[5:]), do.eof)

# attributes are read-only
do = zlib.decompressobj()
for attr in ("unused_data", "unconsumed_tail", "eof"):
    try:
        setattr(do, attr, b"")
    except AttributeError as e:
        print("AttributeError", e)
print(sorted(n for n in dir(co) if not n.startswith("__")))
print(sorted(n for n in dir(do) if not n.startswith("__")))
