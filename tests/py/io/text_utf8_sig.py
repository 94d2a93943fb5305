# encoding='utf-8-sig': the BOM is skipped when reading (also split across
# chunks) and written once at the start; tell/seek around it.
import io
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_text_utf8_sig_%d.txt" % getpid()  # unique: other runs of the suite may be running this
with open(P, "w", encoding="utf-8-sig") as f:
    print(f.encoding, f.write("caf\xe9\nline two\r\n"), f.tell())
    f.write("three\n")
with open(P, "rb") as f:
    print(f.read())
for nl in [None, ""]:
    with open(P, encoding="utf-8-sig", newline=nl) as f:
        marks = []
        while True:
            pos = f.tell()
            line = f.readline()
            if not line:
                break
            marks.append((pos, line))
        print(repr(nl), marks)
        f.seek(marks[1][0])
        print(repr(f.read(4)))
        f.seek(0)
        print(repr(f.read(2)), f.tell())
with open(P, encoding="utf-8") as f:
    print(repr(f.readline()))
with open(P, "a", encoding="utf-8-sig") as f:
    f.write("appended\n")
with open(P, "r+", encoding="UTF-8-SIG") as f:
    print(repr(f.read()))
    f.seek(0)
    f.write("X")
with open(P, "rb") as f:
    print(f.read())
for chunk in [1, 2, 3, 4]:
    t = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfab\xef\xbb\xbfc"), encoding="utf-8-sig")
    t._CHUNK_SIZE = chunk
    print(chunk, repr(t.read()))
print(repr(io.TextIOWrapper(io.BytesIO(b"\xef\xbb"), encoding="utf-8-sig").read()))
print(repr(io.TextIOWrapper(io.BytesIO(b"\xefx"), encoding="utf-8-sig", errors="replace").read()))
out = io.BytesIO()
w = io.TextIOWrapper(out, encoding="utf_8_sig")
w.write("")
w.write("a")
w.write("b")
w.flush()
print(out.getvalue())
remove(P)
