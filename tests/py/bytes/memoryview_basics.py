b = bytearray(b"abcdef")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist()[:3], len(m), m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape)
m[0] = 65
m[1:3] = b"BC"
print(b)
sub = m[2:5]
sub[0] = ord("z")
print(b, bytes(sub), sub.obj is b)
ro = memoryview(b"readonly")
print(ro.readonly, ro[::2].tobytes(), ro == b"readonly", ro.hex())
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    m[0:2] = b"xyz"
except ValueError as e:
    print(type(e).__name__, e)
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm[0]
except ValueError as e:
    print(type(e).__name__, e)
m.release()
try:
    len(m)
except ValueError as e:
    print(type(e).__name__, e)
print(bytes(memoryview(b"xyz")[::-1]), list(memoryview(b"\x01\x02")), memoryview(b"ab") == memoryview(b"ab"))
b2 = bytearray(b"grow")
m2 = memoryview(b2)
try:
    b2.append(1)
except BufferError as e:
    print(type(e).__name__, e)
m2.release()
b2.append(33)
print(b2)
