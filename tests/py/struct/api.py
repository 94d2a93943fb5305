# The struct module's functions and the Struct type: arguments, buffers,
# offsets, iteration, and CPython's messages.
import struct

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

# Format errors.
for fmt in ['z', '3', 'i3', '<', '>3', 'i<', '3 i', ' 3i i ', '99999999999999999999q',
            '9223372036854775807q', '4611686018427387904h', 'i\0i', '<n', '>N', '!P', '=P',
            '@P', 'y', '\x80', b'i', b'\xff', 'é', 1, None, ['i'], bytearray(b'i')]:
    t(struct.calcsize, fmt)
t(struct.Struct)
t(struct.Struct, 'i', 'j')
print(struct.Struct(format='<h').format)
t(struct.Struct, fmt='<h')
t(struct.Struct, 5)
t(struct.Struct, 'é')

# Argument counts.
t(struct.pack)
t(struct.pack, 1)
t(struct.pack, 'ii', 1)
t(struct.pack, 'i', 1, 2)
t(struct.pack, '3si', b'a')
t(struct.pack, 'i', x=1)
t(struct.unpack)
t(struct.unpack, 'i')
t(struct.unpack, 'i', 'abcd')
t(struct.unpack, 'i', b'abcd', 1)
t(struct.unpack, 'z', 'abcd')
t(struct.unpack, 'i', b'abc')
t(struct.unpack, 'i', b'abcde')
t(struct.unpack, '>i', bytearray(b'abcd'))
t(struct.unpack, '>i', memoryview(b'xabcdx')[1:5])
t(struct.unpack_from, 'i')
t(struct.unpack_from, 'i', b'abcd')
t(struct.unpack_from, 'i', buffer=b'abcd', offset=0)
t(struct.unpack_from, 'i', b'abcdefg', 3)
t(struct.unpack_from, 'i', b'abcdefg', 4)
t(struct.unpack_from, 'i', b'abcdefg', -4)
t(struct.unpack_from, 'i', b'abcdefg', -7)
t(struct.unpack_from, 'i', b'abcdefg', -8)
t(struct.unpack_from, 'i', b'abcdefg', -3)
t(struct.unpack_from, 'i', b'abc', 1)
t(struct.unpack_from, 'i', b'abcd', offset='x')
t(struct.unpack_from, 'i', b'abcd', offset=2**70)
t(struct.unpack_from, 'i', b'abcd', offset=1.0)
t(struct.unpack_from, format='i', buffer=b'abcd')
t(struct.unpack_from, 'i', b'abcd', 0, 1)
t(struct.unpack_from, 'i', b'abcd', bogus=1)
t(struct.unpack_from, 'i', 'abcd')

# pack_into.
buf = bytearray(10)
t(struct.pack_into, 'i')
t(struct.pack_into, 'i', buf)
t(struct.pack_into, 'i', buf, 0)
t(struct.pack_into, 'i', buf, 0, 1, 2)
t(struct.pack_into, 'i', buf, 'x', 1)
t(struct.pack_into, 'i', buf, 1.0, 1)
t(struct.pack_into, 'i', buf, 2**70, 1)
t(struct.pack_into, 'i', 5, 0, 1)
t(struct.pack_into, 'i', b'abcd', 0, 1)
t(struct.pack_into, 'i', 'abcd', 0, 1)
t(struct.pack_into, 'i', memoryview(b'abcd'), 0, 1)
t(struct.pack_into, 'i', buf, 7, 1)
t(struct.pack_into, 'i', buf, 6, 0x01020304)
print(buf)
t(struct.pack_into, 'i', buf, -3, 1)
t(struct.pack_into, 'i', buf, -4, 0x05060708)
print(buf)
t(struct.pack_into, 'i', buf, -11, 1)
t(struct.pack_into, '>h', buf, 0, 258)
t(struct.pack_into, '2xh', buf, 0, -2)
print(buf)
t(struct.pack_into, 'bb', buf, 0, 1, 1000)   # zero-fills, packs the first, then fails
print(buf)
m = memoryview(buf)
t(struct.pack_into, '>i', m, 1, -1)
t(struct.pack_into, '>i', m[2:8], 1, 0x11223344)
print(buf)
m.release()
t(struct.pack_into, 'i', bytearray(3), 0, 1)
t(struct.pack_into, '0s', bytearray(0), 0, b'x')
t(struct.pack_into, '', bytearray(0), 0)

# iter_unpack.
t(struct.iter_unpack, 'i')
t(struct.iter_unpack, 'i', 'ab')
t(struct.iter_unpack, 'i', b'abc')
t(struct.iter_unpack, '', b'abc')
t(struct.iter_unpack, 'x0i', b'abc')
it = struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04\x05\x00\x06')
print(type(it).__name__, type(it).__module__, it.__length_hint__(), iter(it) is it)
print(next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
t(next, it)
print(list(struct.iter_unpack('>H', bytearray(b'\x00\x01\x00\x02'))))
print(list(struct.iter_unpack('c', memoryview(b'xyz'))))
t(type(it))

# The Struct type.
s = struct.Struct('<ihc')
print(type(s).__name__, type(s).__module__, s.format, s.size, type(s.format))
print(s.pack(1, 2, b'z'), s.unpack(b'\x01\x00\x00\x00\x02\x00z'))
print(s.unpack_from(b'__\x01\x00\x00\x00\x02\x00z', 2), s.unpack_from(buffer=b'\x01\x00\x00\x00\x02\x00z'))
t(s.pack)
t(s.pack, 1, 2)
t(s.unpack)
t(s.unpack, b'a', b'b')
t(s.unpack, b'abc')
t(s.unpack_from)
t(s.unpack_from, b'abcdefg', 0, 1)
t(s.unpack_from, b'abcdefg', offset=1)
t(s.iter_unpack)
print(list(s.iter_unpack(b'abcdefg' * 2)))
b = bytearray(9)
s.pack_into(b, 1, -1, -2, b'q')
print(b)
t(setattr, s, 'size', 3)
t(setattr, s, 'format', 'q')
s.__init__('>q')
print(s.format, s.size, s.pack(5))
print(struct.Struct(b'<i').format, struct.Struct(bytearray(b'i')) if False else '')
t(struct.Struct, bytearray(b'i'))
t(s.__init__, 'z')
print(s.format)
class S(struct.Struct):
    def __init__(self, n):
        super().__init__('%di' % n)
        self.n = n
s2 = S(3)
print(s2.n, s2.size, s2.pack(1, 2, 3), isinstance(s2, struct.Struct))
print(struct.Struct('i') == struct.Struct('i'))

# The error class.
print(struct.error, struct.error.__module__, struct.error.__name__, struct.error.__mro__)
try:
    struct.pack('b', 200)
except struct.error as e:
    print(repr(e), e.args)

# The cache: str and bytes formats are separate keys.
for i in range(250):
    struct.calcsize('%dx' % i)
print(struct.calcsize('i'), struct.calcsize(b'i'), struct.pack('i', 1) == struct.pack(b'i', 1))
struct._clearcache()
t(struct.pack, [], 1)

# struct.py's public names.
print(sorted(n for n in struct.__all__))
print(sorted(n for n in dir(struct) if not n.startswith('__')))

# iter_unpack holds an export of a bytearray or array until exhausted.
import array
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
b = bytearray(b'\x01\x00\x02\x00\x03\x00')
it = struct.iter_unpack('<h', b)
print(next(it))
t(b.append, 1); t(b.extend, b'xy'); t(b.clear)
b[0] = 9
print(next(it), list(it))
b.append(1)
print(b)
a = array.array('h', [1, 2, 3])
it = struct.iter_unpack('h', a)
print(next(it))
t(a.append, 4)
print(list(it))
a.append(4)
print(a)
it = struct.iter_unpack('h', memoryview(b'abcd'))
print(list(it))
