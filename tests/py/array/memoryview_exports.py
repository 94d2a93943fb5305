# memoryview over arrays of the integer typecodes: format, items, slices,
# casts, comparisons by value, and the export that forbids resizing.
import array, struct

def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

for tc in 'bBhHiIlLqQ':
    c = array.array(tc, [1, 2, 3, 4])
    v = memoryview(c)
    print(tc, v.format, v.itemsize, len(v), v.nbytes, v[1], v[-1], v.tolist(), list(v[::2]), v.obj is c, v.readonly,
          v.tobytes() == c.tobytes(), bytes(v[1:3]) == c[1:3].tobytes(), v.shape, v.strides)
    print(' ', struct.unpack_from(tc, v, v.itemsize), v == c, v != c, v == memoryview(array.array(tc, [1, 2, 3, 4])),
          v == array.array(tc, [1, 2, 3, 5]), v.cast('B').tolist()[:3])
    # Resizing while a view exists (no other views of `a` are ever made).
    a = array.array(tc, [1, 2, 3, 4])
    m = memoryview(a)
    for op in [lambda: a.append(5), lambda: a.pop(), lambda: a.extend([1]), lambda: a.insert(0, 1),
               lambda: a.__delitem__(0), lambda: a.__setitem__(slice(1, 1), array.array(tc)),
               lambda: a.__setitem__(slice(0, 2), array.array(tc, [7])), lambda: a.frombytes(bytes(a.itemsize)),
               lambda: a.remove(1), lambda: a.__imul__(2), lambda: a.__iadd__(array.array(tc, [1])), lambda: a.fromlist([1])]:
        t(op)
    a[0] = 9; a.reverse(); a.byteswap(); a.byteswap(); a *= 1; a += array.array(tc); a.frombytes(b''); a[1:3] = array.array(tc, [5, 6])
    print(' ', a, m.tolist())
    m.release()
    a.append(5)
    print(' ', a)
with memoryview(array.array('i', [1])) as m:
    pass
a = array.array('h', [1, 2])
m1, m2 = memoryview(a), memoryview(a)
m1.release()
t(a.append, 3)
m2.release()
a.append(3)
print(a)
b = array.array('B', b'xyz')
mb = memoryview(b)
mb[0] = 65
print(b, bytes(mb), mb == b'Ayz', b'Ayz' == mb)
mb.release()
print(memoryview(array.array('b', [-1])) == memoryview(b'\xff'), memoryview(array.array('B', [255])) == b'\xff')
