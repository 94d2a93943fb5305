# marshal: CPython's bytes for each supported type and version, loads of
# them back, refs, and the error messages.
import marshal

values = [None, True, False, ..., StopIteration, 0, 1, -1, 255, 256, 257, -5, -6, 2**31 - 1, -2**31, 2**31,
          -2**31 - 1, 2**62, 2**64 + 5, -(2**100), 10**40, 0.0, -0.0, 1.5, 0.1, 1e300, float('inf'), -float('inf'),
          1j, 2.5 + 3.25j, 'abc', '', 'x', 'hello world', 'é€\U0001f600', '\udc80', 'a' * 300, 'b' * 255,
          b'', b'a', b'bytes\x00\xff', (), (1,), (1, 'two', 3.0), tuple(range(300)), [], [1, [2, [3]]],
          {}, {'k': 'v', 1: (2, 3)}, set(), {1, 2, 3}, frozenset(), frozenset({5, 6}), [None, ..., True]]
for v in values:
    for version in range(5):
        data = marshal.dumps(v, version)
        back = marshal.loads(data)
        same = back == v or (v != v and back != back)
        print(version, repr(v)[:40], data[:60], same, type(back).__name__)

# References from version 3 on.
s = 'shared value'
t = (1000, s)
lst = [t, t, s]
print(marshal.dumps(lst), marshal.dumps(lst, 2))
print(marshal.loads(marshal.dumps(lst)))
d = {'a': lst, 'b': lst}
back = marshal.loads(marshal.dumps(d))
print(back, back['a'] is back['b'])
print(marshal.dumps([2.5, 2.5, 7.25]))

# bytearray and memoryview are written as bytes.
print(marshal.dumps(bytearray(b'ab')), marshal.dumps(memoryview(b'cd')))
print(marshal.loads(bytearray(marshal.dumps('x'))), marshal.loads(memoryview(marshal.dumps(7)) ), marshal.version)
print(marshal.loads(marshal.dumps(1) + b'extra'))

# dump and load with files.
import io
f = io.BytesIO()
marshal.dump([1, 'two'], f)
marshal.dump(3.5, f, 2)
print(f.getvalue())
f.seek(0)
print(marshal.load(f), marshal.load(f), f.tell())
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)

class WithInt(int):
    pass
def g():
    pass
for bad in [WithInt(3), object(), [1, object()], {1: print}, type]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError', e)
deep = []
for i in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print('ValueError', e)

for data in [b'', b'i\x01\x00', b'(\x02\x00\x00\x00i\x01\x00\x00\x00', b'?', b'r\x00\x00\x00\x00',
             b'[\x01\x00\x00\x000', b'(\x01\x00\x00\x000', b'<\x01\x00\x00\x000', b'0', b's\xff\xff\xff\xff',
             b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80', b'l\x02\x00', b'z\x05ab',
             b'u\x02\x00\x00\x00\xff\xfe', b'{i\x01\x00\x00\x00', b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00',
             b'I\x01\x00\x00\x00\x00\x00\x00\x80', b'f\x03inf', b'g\x00\x00']:
    try:
        print(data, repr(marshal.loads(data))[:50])
    except (EOFError, ValueError, TypeError, UnicodeDecodeError) as e:
        print(data, type(e).__name__, e)

for call in [lambda: marshal.dumps(), lambda: marshal.dumps(1, 2, 3), lambda: marshal.dumps(1, 'x'),
             lambda: marshal.loads('str'), lambda: marshal.loads(), lambda: marshal.dump(1),
             lambda: marshal.load(io.StringIO('x')), lambda: marshal.dumps(1, version=2)]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
