# BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair over
# FileIO and BytesIO.
import io
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_buffered_basic_%d.bin" % getpid()  # unique: other runs of the suite may be running this
with io.BufferedWriter(io.FileIO(P, "w"), buffer_size=8) as w:
    print(repr(w).replace(P, "P"), w.name == P, w.mode, w.raw.mode, w.writable(), w.readable(), w.seekable())
    print(w.write(b"abc"), w.tell())
    print(w.write(b"defghijklmnop"), w.tell())
    w.write(b"\nsecond line\nthird")
    w.flush()
print(w.closed, w.raw.closed)

r = io.BufferedReader(io.FileIO(P), 4)
print(r.peek(1)[:1], r.read(2), r.tell())
print(r.read1(100), r.tell())
print(r.readline(), r.readline(3), r.readline())
print(r.read(), r.read(), r.tell())
print(r.seek(1), r.read(3), r.seek(2, 1), r.read(1), r.seek(-2, 2), r.read())
r.seek(0)
b = bytearray(5)
print(r.readinto(b), b, r.readinto1(b), b)
r.seek(0)
print(list(r))
r.seek(0)
print(r.readlines(10))
print(r.read(-1), r.read(0))
try:
    r.read(-2)
except ValueError as e:
    print("ValueError", e)
try:
    r.write(b"x")
except Exception as e:
    print(type(e).__name__, e)
try:
    r.seek(0, 3)
except ValueError as e:
    print("ValueError", e)
raw = r.detach()
print(raw.closed, type(raw).__name__)
try:
    r.read()
except ValueError as e:
    print("ValueError", e)
print(repr(r).startswith("<_io.BufferedReader"))
raw.close()

with io.open(P, "rb+") as rw:
    print(type(rw).__name__, rw.read(3))
    rw.write(b"XYZ")
    print(rw.tell(), rw.read(3))
    rw.seek(0)
    print(rw.read(9))
    rw.seek(0, 2)
    rw.write(b"!end")
    rw.seek(-4, 2)
    print(rw.read())
    print(rw.truncate(10), rw.tell())
    rw.seek(0)
    print(rw.read())
    print(rw.peek(5)[:0], rw.read1(2))

with io.BufferedReader(io.BytesIO(b"from bytes\nline two\n")) as br:
    print(br.readline(), br.read(4), br.peek(1)[:1], br.read())
bw_target = io.BytesIO()
bw = io.BufferedWriter(bw_target, 4)
bw.write(b"12")
print(bw_target.getvalue())
bw.write(b"3456789")
print(bw_target.getvalue())
bw.flush()
print(bw_target.getvalue())

pair = io.BufferedRWPair(io.BytesIO(b"pair data\nmore\n"), io.BytesIO())
print(pair.read(4), pair.readline(), pair.peek(1)[:1], pair.readable(), pair.writable(), pair.closed)
print(pair.write(b"out"), pair.flush(), pair.isatty())
pair.close()
print(pair.closed)

for bad in [lambda: io.BufferedReader(io.BytesIO(), 0), lambda: io.BufferedReader(io.FileIO(P, "w")),
            lambda: io.BufferedWriter(io.FileIO(P, "r")), lambda: io.BufferedReader(),
            lambda: io.BufferedRandom(io.BytesIO(), -1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
c = io.BufferedReader(io.BytesIO(b"x"))
c.close()
for name, call in [("read", c.read), ("peek", c.peek), ("readline", c.readline), ("seek", lambda: c.seek(0))]:
    try:
        call()
    except ValueError as e:
        print(name, "ValueError", e)
d = io.BufferedWriter(io.BytesIO())
d.close()
for name, call in [("write", lambda: d.write(b"x")), ("flush", d.flush)]:
    try:
        call()
    except ValueError as e:
        print(name, "ValueError", e)
remove(P)
