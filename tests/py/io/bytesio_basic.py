# io.BytesIO: reading, writing, seeking, truncating, lines and errors.
import io

b = io.BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell())
print(b.readline(), b.readline(2), b.readline())
print(b.readline(), b.read(), b.tell())
print(b.seek(0), b.readlines())
print(b.seek(-3, 2), b.read())
print(b.seek(2, 1), b.tell(), b.read(), b.tell())
b.seek(0)
print(list(b))
print(b.getvalue())

w = io.BytesIO()
print(w.write(b"abc"), w.write(bytearray(b"def")), w.write(memoryview(b"gh")))
print(w.getvalue(), w.tell())
w.seek(10)
w.write(b"Z")
print(w.getvalue())
print(w.truncate(4), w.getvalue(), w.tell())
w.seek(1)
w.write(b"XY")
print(w.getvalue())
print(w.truncate(), w.getvalue())
ba = bytearray(5)
w.seek(0)
print(w.readinto(ba), ba)
print(w.read1(2), w.read1())
print(w.readable(), w.writable(), w.seekable(), w.isatty(), w.closed)
print(w.flush())
w.close()
print(w.closed)
for name, call in [("read", lambda: w.read()), ("write", lambda: w.write(b"x")),
                   ("getvalue", w.getvalue), ("tell", w.tell), ("seek", lambda: w.seek(0)),
                   ("readable", w.readable), ("iter", lambda: iter(w))]:
    try:
        call()
    except ValueError as e:
        print(name, "ValueError", e)

c = io.BytesIO(b"x")
for bad in [lambda: c.seek(-1), lambda: c.seek(0, 3), lambda: c.truncate(-1),
            lambda: c.write("str"), lambda: c.read("1"), lambda: c.readinto(b"ro"),
            lambda: io.BytesIO("text"), lambda: c.fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(c.read(None), c.read(-5))
print(io.BytesIO(initial_bytes=b"kw").read())
with io.BytesIO(b"ctx") as d:
    print(d.read())
print(d.closed)
s = io.BytesIO(b"state")
s.read(2)
s.extra = 1
st = s.__getstate__()
print(st[0], st[1], st[2])
n = io.BytesIO()
n.__setstate__(st)
print(n.read(), n.extra)
print(bytes(io.BytesIO(b"view").getbuffer()))

class Sub(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.tag = "sub"
x = Sub(b"one\ntwo\n")
print(x.tag, x.readlines(), isinstance(x, io.BufferedIOBase), isinstance(x, io.IOBase))
