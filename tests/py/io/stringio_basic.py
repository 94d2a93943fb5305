# io.StringIO: text in memory, the newline modes and errors.
import io

s = io.StringIO("héllo\nwörld\n€ and 𝄞")
print(repr(s.read(3)), s.tell())
print(repr(s.readline()), repr(s.readline(3)), repr(s.readline()))
print(repr(s.read()), s.tell())
print(s.seek(0), s.readlines())
print(s.seek(0, 2), s.seek(0, 1))
s.write("!")
print(repr(s.getvalue()))
s.seek(40)
s.write("x")
print(repr(s.getvalue()[-6:]), len(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())

for nl in [None, "", "\n", "\r", "\r\n"]:
    t = io.StringIO("a\nb\rc\r\nd", newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines(), t.newlines)
    t = io.StringIO(newline=nl)
    t.write("x\r")
    t.write("\ny\n")
    print(repr(nl), repr(t.getvalue()), t.newlines)

t = io.StringIO()
print(t.write("abc"), t.tell(), t.line_buffering, t.readable(), t.writable(), t.seekable())
for bad in [lambda: t.seek(1, 1), lambda: t.seek(1, 2), lambda: t.seek(-1), lambda: t.seek(0, 5),
            lambda: t.truncate(-1), lambda: t.write(b"b"), lambda: io.StringIO(b"x"),
            lambda: io.StringIO("", newline="x"), lambda: io.StringIO("", newline=1),
            lambda: t.fileno(), lambda: t.read("x"), lambda: t.detach()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
t.close()
print(t.closed)
for name, call in [("read", t.read), ("write", lambda: t.write("x")), ("getvalue", t.getvalue),
                   ("tell", t.tell), ("readable", t.readable)]:
    try:
        call()
    except ValueError as e:
        print(name, "ValueError", e)

u = io.StringIO("one\ntwo\nthree")
print([line for line in u])
u.seek(0)
u.x = 5
st = u.__getstate__()
print(st)
v = io.StringIO()
v.__setstate__(st)
print(v.read(), v.x)
print(isinstance(u, io.TextIOBase), isinstance(u, io.IOBase), u.encoding, u.errors)
with io.StringIO("ctx") as w:
    print(w.read())
print(w.closed)
