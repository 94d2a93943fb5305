# bytes[i], bytearray[i] and bytearray[i] = v take an inline path in the
# interpreter for exact types and small ints; everything around it (bounds,
# negative indices, errors, subclasses, other key types) must behave as the
# generic path does.
b = bytes(range(0, 250, 10))
ba = bytearray(b)
n = len(b)


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


for i in (0, 1, n - 1, -1, -n, n, -n - 1, 1 << 40, -(1 << 40), 1 << 70, True, False):
    show("bytes[%r]" % (i,), lambda: b[i])
    show("bytearray[%r]" % (i,), lambda: ba[i])
show("empty bytes[0]", lambda: b""[0])
show("empty bytearray[0]", lambda: bytearray()[0])
show("empty bytearray[-1]", lambda: bytearray()[-1])
show("bytes['1']", lambda: b["1"])
show("bytearray[1.0]", lambda: ba[1.0])
show("bytearray[None]", lambda: ba[None])


class Index:
    def __index__(self):
        return 3


show("bytes[Index()]", lambda: b[Index()])
show("bytearray[Index()]", lambda: ba[Index()])


class MyBytes(bytes):
    def __getitem__(self, i):
        return ("MyBytes", i)


class MyArray(bytearray):
    def __getitem__(self, i):
        return ("MyArray", i)

    def __setitem__(self, i, v):
        bytearray.__setitem__(self, i, v + 1)


show("MyBytes[2]", lambda: MyBytes(b"abc")[2])
m = MyArray(b"abc")
show("MyArray[2]", lambda: m[2])
m[0] = 7
show("MyArray after m[0] = 7", lambda: bytes(m))


class PlainSub(bytearray):
    pass


p = PlainSub(b"xyz")
p[1] = 65
show("PlainSub", lambda: (p[1], p[-1], bytes(p)))


def store(i, v):
    a = bytearray(b"0123456789")
    a[i] = v
    return a


def delete(i):
    a = bytearray(b"0123456789")
    del a[i]
    return a


for i, v in ((0, 0), (9, 255), (-1, 65), (-10, 66), (10, 1), (-11, 1), (0, 256), (0, -1),
             (0, 1 << 40), (0, True), (True, 70), (0, 1.5), (0, b"a"), (0, Index()), (1 << 70, 0)):
    show("store [%r] = %s" % (i, "Index()" if isinstance(v, Index) else repr(v)), lambda: store(i, v))

for i in (0, -1, 10, -11, 1 << 70, -(1 << 70)):
    show("del [%r]" % (i,), lambda: delete(i))

# A store while a memoryview holds the buffer changes no size: allowed.
a = bytearray(b"abc")
mv = memoryview(a)
a[1] = 0x5A
show("through the view", lambda: (mv[1], bytes(mv)))
mv.release()

# Loops like the video demo's: reads and writes over whole buffers.
src = bytes((i * 7) & 255 for i in range(1000))
dst = bytearray(len(src))
for i in range(len(src)):
    dst[i] = (src[i] + src[-1 - i] + 1) >> 1
print("loop", sum(dst), dst[:8], dst[-8:])
out = bytearray(4)
for i in range(-4, 0):
    out[i] = i + 300 - 256
print("negative stores", list(out))

# The shifts of small ints, also inline now.
values = (0, 1, -1, 5, -5, 255, -256, (1 << 61) - 1, -(1 << 61), (1 << 62) - 1, -(1 << 62))
counts = (0, 1, 2, 7, 8, 31, 32, 60, 61, 62, 63, 64, 65, 100, 1000)
for x in values:
    print("shifts", x, [x >> k for k in counts])
    print("shifts", x, [x << k for k in counts[:12]])
show("1 >> -1", lambda: 1 >> -1)
show("1 << -1", lambda: 1 << -1)
show("0 << -1", lambda: 0 << -1)
show("0 >> -1", lambda: 0 >> -1)
show("0 << 10**6", lambda: 0 << 10**6)
show("5 >> 10**20", lambda: 5 >> 10**20)
show("-5 >> 10**20", lambda: -5 >> 10**20)
show("1 << 10**20", lambda: 1 << 10**20)
show("True << 3", lambda: True << 3)
show("3 >> True", lambda: 3 >> True)
show("1.0 >> 1", lambda: 1.0 >> 1)
x = 12345
x >>= 3
y = 3
y <<= 70
print("augmented", x, y)
