# The abstract bases as CPython's: io.py's ABCs, UnsupportedOperation, and
# Python subclasses whose methods the C++ defaults and buffered classes call.
import io

print(io.UnsupportedOperation.__mro__)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
      issubclass(io.StringIO, io.TextIOBase), issubclass(io.TextIOWrapper, io.IOBase),
      isinstance(io.BufferedReader(io.BytesIO()), io.BufferedIOBase))
print(io.IOBase.__mro__)

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = []
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.calls.append(len(b))
        return n

r = Raw(b"abcdefgh\nij")
print(r.read(2), r.read(), r.read())
r = Raw(b"abcdefgh\nij")
print(r.readall(), r.closed)
r = Raw(b"line1\nline2\n")
print(r.readline(), list(r))
r.close()
print(r.closed)
try:
    r.read()
except ValueError as e:
    print("ValueError", e)
br = io.BufferedReader(Raw(b"0123456789\nabc"), 4)
print(br.read(5), br.readline(), br.read(), br.raw.calls)
t = io.TextIOWrapper(io.BufferedReader(Raw(b"text\nover raw\n")), encoding="utf-8")
print(t.readlines())

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

s = Sink()
w = io.BufferedWriter(s, 4)
w.write(b"ab")
w.write(b"cdefgh")
w.write(b"ij")
w.flush()
print(s.chunks)

class Base(io.IOBase):
    pass
b = Base()
for call in [b.fileno, lambda: b.seek(0), b.tell, b.truncate, lambda: b.read, b.readable,
             b.writable, b.seekable, b.isatty, b.flush]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
with b:
    print("in with", b.closed)
print(b.closed)
for call in [b.flush, b.isatty, lambda: iter(b), lambda: b.writelines([]), b._checkClosed]:
    try:
        print(call())
    except ValueError as e:
        print("ValueError", e)
class Bad(io.IOBase):
    def readable(self):
        return False
for call in [Bad()._checkReadable, Bad()._checkWritable, Bad()._checkSeekable]:
    try:
        call()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
for cls in [io.BufferedIOBase, io.TextIOBase, io.RawIOBase]:
    o = cls()
    for name in ["read", "write", "detach", "readline", "read1", "readinto"]:
        m = getattr(o, name, None)
        if m is None:
            continue
        try:
            m(bytearray(1)) if name == "readinto" else m()
        except Exception as e:
            print(cls.__name__, name, type(e).__name__, e)
print(io.TextIOBase().encoding, io.TextIOBase().newlines, io.TextIOBase().errors)

class Lines(io.IOBase):
    def __init__(self):
        self.buf = b"x1\nx2\nx3"
    def read(self, n=-1):
        out, self.buf = self.buf[:n], self.buf[n:]
        return out
print(Lines().readlines(), Lines().readlines(4))
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", final=True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
d2 = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d2.decode("x\r\ny\rz\n")), d2.newlines)
