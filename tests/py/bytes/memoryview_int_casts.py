# memoryview.cast to the native integer formats: reading items (what
# re/_compiler.py's BIGCHARSET needs), lengths, strides, comparisons, errors.
import sys

raw = bytes(range(1, 17))
for f in 'hHiIlLqQnN':
    m = memoryview(raw).cast(f)
    print(f, m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.tolist()[:2], m[-1], list(m)[:1])
m = memoryview(b'\x01\x00\x00\x00\xff\xff\xff\xff').cast('I')
print(m.tolist(), m[1], m.tobytes(), bytes(m), m == m, m == memoryview(b'\x01\x00\x00\x00\xff\xff\xff\xff').cast('I'))
print(memoryview(b'\xff\xff\xff\xff').cast('i').tolist(), memoryview(b'\xff\xff').cast('h')[0])
print(m[::-1].tolist(), m[1:].tolist(), m.cast('B').tolist(), m.cast('b')[4], len(m.cast('c')))
print(memoryview(b'\x01\x00\x02\x00').cast('H') == memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('I'))
print(memoryview(b'\x01\x00\x00\x00').cast('I') == b'\x01\x00\x00\x00', memoryview(b'\x01\x00').cast('H') == [1])
print(memoryview(bytearray(b'\x00' * 8)).cast('q').tolist(), memoryview(b'').cast('I').tolist())
for bad in (lambda: memoryview(b'abc').cast('I'),
            lambda: memoryview(b'abcd').cast('I').cast('H'),
            lambda: hash(memoryview(b'abcd').cast('I')),
            lambda: memoryview(b'abcdabcd')[::2].cast('I'),
            lambda: memoryview(b'abcd').cast('x')):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sys.byteorder)
