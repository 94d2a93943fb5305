# io.FileIO over real files: modes, reading, writing, seeking, errors.
import io
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_fileio_basic_%d.bin" % getpid()  # unique: other runs of the suite may be running this
f = io.FileIO(P, "w")
print(f.mode, f.name == P, f.closefd, f.readable(), f.writable(), f.seekable(), f.isatty())
print(repr(f).replace(P, "P"))
print(f.write(b"hello world\n"), f.write(bytearray(b"more")), f.tell())
print(f.seek(0), f.seek(2, 1), f.seek(-1, 2), f.tell())
try:
    f.read()
except Exception as e:
    print(type(e).__name__, e)
f.close()
print(f.closed, repr(f).replace(P, "P"))
f.close()
for name, call in [("write", lambda: f.write(b"x")), ("fileno", f.fileno), ("tell", f.tell),
                   ("seekable", f.seekable), ("isatty", f.isatty)]:
    try:
        call()
    except ValueError as e:
        print(name, "ValueError", e)

f = io.FileIO(P)
print(f.mode, f.read(5), f.read(1), f.readall(), f.read(), f.read(3))
f.seek(0)
b = bytearray(4)
print(f.readinto(b), b, f.read(None))
f.seek(0)
print(f.readline(), f.readlines())
try:
    f.write(b"no")
except Exception as e:
    print(type(e).__name__, e)
f.close()

with io.FileIO(P, "r+") as g:
    print(g.mode, g.read(5))
    g.write(b"_")
    print(g.truncate(), g.tell())
    g.seek(0)
    print(g.read())
    print(g.truncate(3))
    g.seek(0)
    print(g.read())
with io.FileIO(P, "a") as g:
    print(g.mode, g.tell(), g.write(b"+app"))
with io.FileIO(P, "rb") as g:
    print(g.read())
try:
    io.FileIO(P, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, e.filename == P)
remove(P)
with io.FileIO(P, "xb+") as g:
    print(g.mode, g.write(b"new"), g.seek(0), g.read())
remove(P)

for args in [("/nonexistent_dir_pyrite/x",), ("/tmp", "r"), (P, "rw"), (P, "q"), (P, ""), (P, "r++"),
             (-1,), (1.5,), (None,), (P, "r", False), ("a\0b",)]:
    try:
        io.FileIO(*args)
    except Exception as e:
        print(type(e).__name__, e)

fd_file = io.FileIO(P, "w")
raw = io.FileIO(fd_file.fileno(), "w", closefd=False)
print(raw.name == fd_file.fileno(), raw.closefd, raw.mode)
raw.write(b"via fd")
raw.close()
print(fd_file.closed)
fd_file.close()
with open(P, "rb") as h:
    print(h.read())

def opener(path, flags):
    print("opener called", path == P)
    return io.FileIO(path, "r", closefd=False).fileno() if False else __import__("_io").FileIO(path).fileno()
remove(P)
print(isinstance(io.FileIO, type), issubclass(io.FileIO, io.RawIOBase), io.FileIO.__mro__[1:])
