# open() in text mode: TextIOWrapper's reading, writing, newlines, tell/seek.
import io
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_textio_basic_%d.txt" % getpid()  # unique: other runs of the suite may be running this
with open(P, "w", encoding="utf-8") as f:
    print(repr(f).replace(P, "P"), f.name == P, f.mode, f.encoding, f.errors, f.line_buffering, f.newlines)
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
    print(f.write("héllo\n"), f.write("wörld €\nthird line"), f.tell())
    print(f.writable(), f.readable(), f.seekable(), f.isatty(), f.closed)
print(f.closed)
try:
    f.write("x")
except ValueError as e:
    print("ValueError", e)

with open(P, encoding="utf-8") as f:
    print(repr(f.read(3)), f.tell())
    print(repr(f.readline()), f.tell())
    print(repr(f.readline(4)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
    print(f.seek(0), repr(f.read()), f.tell())
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print([line for line in f])
    try:
        f.tell()
    except OSError as e:
        print("OSError", e)
    f.seek(0)
    f.readline()
    pos = f.tell()
    print(repr(f.read(2)))
    f.seek(pos)
    print(repr(f.read(2)), f.seek(0, 2), repr(f.read()))
    for bad in [lambda: f.seek(1, 1), lambda: f.seek(1, 2), lambda: f.seek(-1), lambda: f.seek(0, 7),
                lambda: f.write("no")]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)

with open(P, "wb") as f:
    f.write(b"a\nb\rc\r\nd\r")
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with open(P, newline=nl) as f:
        print(repr(nl), repr(f.read()), f.newlines)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, "w", newline=nl) as f:
        f.write("1\n2\r3\r\n")
    with open(P, "rb") as f:
        print(repr(nl), f.read())

with open(P, "wb") as f:
    f.write("caf\xe9 \u20ac".encode("utf-8") + b"\xff\xfe end\n")
for errors in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
    with open(P, encoding="utf-8", errors=errors) as f:
        try:
            print(errors, ascii(f.read()))
        except UnicodeDecodeError as e:
            print(errors, "UnicodeDecodeError", e)
for enc in ["latin-1", "ascii", "utf8", "UTF-8", "iso-8859-1"]:
    with open(P, encoding=enc, errors="replace") as f:
        print(enc, f.encoding, ascii(f.read()))
for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
    with open(P, "w", encoding="ascii", errors=errors) as f:
        try:
            f.write("x\xe9\u20acy")
        except UnicodeEncodeError as e:
            print(errors, "UnicodeEncodeError", e)
    with open(P, "rb") as f:
        print(errors, f.read())
with open(P, "w", encoding="latin-1") as f:
    f.write("\xe9\xff")
with open(P, "rb") as f:
    print(f.read())
with open(P, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write("a\udcff\udc80b")
with open(P, "rb") as f:
    print(f.read())

with open(P, "w+") as f:
    f.write("line one\nline two\n")
    f.seek(0)
    print(repr(f.readline()))
    f.seek(0, 2)
    f.write("line three\n")
    f.seek(0)
    print(f.read())
with open(P, "a") as f:
    print(f.tell(), f.write("appended\n"))
with open(P, "r+") as f:
    print(f.readline(), end="")
    print(f.truncate(5), f.tell())
with open(P) as f:
    print(repr(f.read()))

t = io.TextIOWrapper(io.BytesIO(b"wrapped\nbytes\n"), encoding="ascii")
print(t.readline(), end="")
print(t.read(), t.buffer.tell())
d = t.detach()
print(type(d).__name__, d.getvalue())
try:
    t.read()
except ValueError as e:
    print("ValueError", e)
out = io.BytesIO()
t = io.TextIOWrapper(out, encoding="utf-8", newline="\r\n", line_buffering=True)
t.write("a\nb")
print(out.getvalue())
t.write("c")
print(out.getvalue(), t.line_buffering, t.write_through)
t.flush()
print(out.getvalue())
t.reconfigure(line_buffering=False)
t.write("\n")
print(out.getvalue(), t.line_buffering)
t._CHUNK_SIZE = 2
t.write("xyz")
print(out.getvalue(), t._CHUNK_SIZE)
for bad in [lambda: io.TextIOWrapper(io.BytesIO(), encoding="nonexistent-enc"),
            lambda: io.TextIOWrapper(io.BytesIO(), newline="x"),
            lambda: io.TextIOWrapper(io.BytesIO(), encoding=5),
            lambda: t.write(b"bytes"), lambda: setattr(t, "_CHUNK_SIZE", 0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"ro")), encoding="utf-8")
try:
    t.write("x")
except Exception as e:
    print(type(e).__name__, e)
remove(P)
