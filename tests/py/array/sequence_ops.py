# array as a sequence: indexing, slicing and slice assignment, +, *, +=,
# *=, comparisons, iteration, methods, bytes round trips, pickling, and
# the buffer protocol with struct, bytes and hashes.
import array, struct, pickle, binascii
from array import array as A

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

a = A('i', range(10))
print(a[0], a[-1], a[2:5], a[::3], a[::-2], a[5:2], a[-3:], type(a[1:3]).__name__)
t(a.__getitem__, 10); t(a.__getitem__, -11); t(a.__getitem__, 'x'); t(a.__getitem__, 2**70); t(a.__getitem__, 1.0)
b = A('i', a)
b[1:3] = A('i', [7, 7, 7, 7])
print(b)
b[::2] = A('i', [0] * len(b[::2]))
print(b)
del b[::3]
print(b)
del b[-1]
del b[1:3]
print(b)
b[2:2] = b
print(b)
b[4:1] = A('i', [5])
print(b)
t(b.__setitem__, slice(0, 5, 2), A('i', [1]))
t(b.__setitem__, slice(0, 2), [1])
t(b.__setitem__, slice(0, 2), A('h', [1]))
t(b.__setitem__, 100, 1)
t(b.__setitem__, 0, 'x')
t(b.__delitem__, 100)
c = A('d', [1.5, -2.0])
print(c + A('d', [3.0]), c * 2, 2 * c, c * 0, c * -1, A('b', [1]) * 3)
c += A('d', [4.25]); print(c)
c += [5.0] if False else A('d'); print(c)
t(lambda: c + A('f'))
c *= 2; print(c)
c *= 0; print(c, len(c))
t(lambda: A('i') + [1])
t(lambda: A('i') * 'x')
t(lambda: A('i') * 1.5)
def iadd(x, y):
    x += y
    return x
t(iadd, A('i', [1]), [2])
t(iadd, A('i', [1]), A('d', [2]))
x = A('h', [1, 2, 3])
print(x == A('h', [1, 2, 3]), x == A('i', [1, 2, 3]), x != A('h', [1, 2]), x < A('h', [1, 3]), x > A('h', [1, 2]),
      x <= A('d', [1.0, 2.0, 3.0]), x == [1, 2, 3], A('d', [float('nan')]) == A('d', [float('nan')]))
t(lambda: x < [1])
print(2 in x, 9 in x, 2.0 in x, 'a' in x, list(x), list(reversed(x)), sorted(A('b', [3, -1, 2])))
it = iter(x)
print(next(it), it.__reduce__()[1:], list(it), it.__reduce__()[1:])
it = iter(x)
it.__setstate__(2); print(list(it))
it = iter(x)
it.__setstate__(-5); print(list(it))
t(type(iter(x)))
x.append(4); x.extend([5, 6]); x.extend(A('h', [7])); x.insert(0, -1); x.insert(-1, 99); x.insert(100, 100); x.insert(-100, -100)
print(x, x.count(1), x.count(9), x.index(99), x.index(1, 2), x.pop(), x.pop(0), x.pop(-2))
t(x.index, 1, 5); t(x.index, 99, 0, 3); t(x.index, 2, 'a'); t(x.index); t(x.pop, 'a'); t(x.insert, 'a', 1); t(x.insert, 0, 'a')
x.remove(x[1]); x.reverse(); print(x)
x.extend(iter([8, 9])); print(x)
t(x.extend, [1, 'x', 2]); print(x)
t(x.fromlist, [1, 'x']); print(x)
t(x.fromlist, (1,))
x.fromlist([10, 11]); print(x)
print(x.tolist(), x.tobytes()[:6], x.typecode, x.itemsize)
y = A('h'); y.frombytes(x.tobytes()); print(y == x)
y.byteswap(); print(y[:3]); y.byteswap(); print(y == x)
t(y.frombytes, 'ab'); t(y.frombytes, b'abc')
u = A('u', 'héllo')
print(u, u.tounicode(), u[1], u.tolist(), u.itemsize, len(u.tobytes()))
u.fromunicode(' wörld'); u.append('!'); print(u)
t(u.fromunicode, 5); t(u.append, 'ab'); t(A('i').fromunicode, 'x'); t(A('u', 'a').__add__, A('i'))
t(A, 'i', A('u', 'ab')); t(A, 'u', A('u', 'ab')); t(A, 'u', b'a\x00\x00\x00')
for tc in 'bBuhHiIlLqQfd':
    init = 'ab' if tc == 'u' else [1, 2, 3]
    arr = A(tc, init)
    for proto in [0, 2, 3, 5]:
        back = pickle.loads(pickle.dumps(arr, proto))
        print(tc, proto, back == arr, type(back).__name__, back.typecode)
print(A('i', [1, 2]).__reduce_ex__(2), A('i', [1, 2]).__reduce_ex__(4))
class MyArray(A):
    pass
m = MyArray('d', [1.0, 2.0])
m.tag = 'x'
print(m, type(m[:1]).__name__, type(m + m).__name__, type(m * 2).__name__, type(m.__copy__()).__name__)
r = m.__reduce_ex__(3)
print(r[0].__name__, r[1][0].__name__, r[1][1:], r[2])
m2 = pickle.loads(pickle.dumps(m, 3))
print(type(m2).__name__, m2, m2.tag)
rc = array._array_reconstructor
for code, data in [(5, b'\x01\x00\x00\x02'), (4, b'\x01\x00'), (3, b'\x00\x01'), (9, b'\x00\x00\x00\x05'), (11, b'\x00' * 7 + b'\x09'),
                   (13, b'\xff' * 8), (15, b'\x3f\x80\x00\x00'), (17, b'\x40' + b'\x00' * 7), (19, b'\x00a\x00'), (21, b'\x00\x00\x00b'),
                   (20, b'c\x00\x00\x00d\x00\x00\x00'), (20, b'c\x00\x00\x00'), (8, b'\x07\x00\x00\x00'), (14, b'\x00\x00\x80\x3f')]:
    t(rc, A, 'i' if code < 14 else ('f' if code < 18 else 'u'), code, data)
t(rc, 5, 'i', 8, b''); t(rc, int, 'i', 8, b''); t(rc, A, 'z', 8, b''); t(rc, A, 'i', 22, b''); t(rc, A, 'i', 8, 'x'); t(rc, A, 'i', 5, b'\x00')
t(rc, A, 1, 8, b''); t(rc, A, 'i', 8)
# The buffer protocol.
z = A('i', [1, -2, 3])
print(bytes(z), struct.unpack('3i', z), struct.unpack_from('i', z, 4), binascii.hexlify(z), bytearray(A('B', [65, 66])))
struct.pack_into('i', z, 8, 42); print(z)
print(A('d', [1.0]).tobytes() == struct.pack('d', 1.0), b'AB' == A('B', [65, 66]).tobytes())
print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__)
t(lambda: A[int])
t(hash, z)
import io
f = io.BytesIO()
z.tofile(f)
f.seek(0)
w = A('i'); w.fromfile(f, 2); print(w)
t(w.fromfile, f, 5); print(w)
t(w.fromfile, f, -1)
class Bad:
    def read(self, n): return 'x'
t(w.fromfile, Bad(), 1)
bad = A('u', b'\x00\x00\x00\x61')
for f in [lambda: bad[0], bad.tolist, lambda: repr(bad), lambda: list(bad), bad.tounicode, lambda: 'x' in bad]:
    t(f)
