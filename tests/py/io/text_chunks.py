# TextIOWrapper reading across small chunks: lines and separators split
# between chunks, '\r' at a chunk's end, multi-byte characters split,
# readline limits, and tell() at every line start.
import io

data = "ab\r\ncd\ref\n\u20acg\u20ac\r\r\n" * 3 + "long line " * 5 + "\r\nend"
raw = data.encode("utf-8")
for nl in [None, "", "\n", "\r", "\r\n"]:
    for chunk in [1, 2, 3, 5, 64]:
        t = io.TextIOWrapper(io.BufferedReader(io.BytesIO(raw), 4), encoding="utf-8", newline=nl)
        t._CHUNK_SIZE = chunk
        lines = []
        while True:
            pos = t.tell()
            line = t.readline()
            if not line:
                break
            lines.append((pos, line))
        print(repr(nl), chunk, lines == lines and len(lines), lines[:4], lines[-2:])
        t.seek(lines[3][0])
        print("  seek back:", repr(t.readline()), repr(t.read(3)))
    t = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline=nl)
    t._CHUNK_SIZE = 3
    print(repr(nl), [t.readline(k) for k in (1, 2, 3, 0, 5, 7, -1, 100)])
    t = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline=nl)
    print(repr(nl), repr(t.read(5)), repr(t.readline()), repr(t.read(4)), t.newlines)
