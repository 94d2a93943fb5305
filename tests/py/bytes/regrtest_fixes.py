# bytes/bytearray behaviours from CPython 3.11's test_bytes: hex separators,
# fromhex whitespace, `in` with huge ints, __bytes__ on str/bytes
# subclasses and set to None, bytearray.__init__ from an iterator (in place),
# empty extended-slice assignment, reduce with __slots__, b * 1 identity,
# -X dev encoding/errors checks.
import copy
import pickle
import subprocess
import sys


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = b'\xb9\x01\xef'
for a in [('',), ('xx',), (None, 0), ('\xff',), (b'\xff',), (b'\x80',), (chr(0x100),), (b'\x00',),
          ('\x7f',), (':', 0), (':', 4), (3,), (':', 'x'), (b'',), (bytearray(b':'),), (memoryview(b':'),)]:
    label = [type(x).__name__ if isinstance(x, memoryview) else x for x in a]
    t('hex %r' % (label,), lambda: (b.hex(*a), bytearray(b).hex(*a)))
    t('memoryview hex %r' % (label,), lambda: memoryview(b).hex(*a))

for c in "\x09\x0A\x0B\x0C\x0D\x20\x1C\x1D\x1E\x1F\x85\xa0\u2000\u2028\x00":
    t('fromhex %r' % c, lambda: (bytes.fromhex('12' + c + '34'), bytearray.fromhex(c)))
for d in ('12 x4 56', '12 3x 56', '12 xy 56', '12 3\xff 56', 'a', '1a b cd'):
    t('fromhex %r' % d, lambda: bytes.fromhex(d))

for x in [97, 300, -1, sys.maxsize + 1, 2 ** 100, -2 ** 100, True]:
    t('in %r' % x, lambda: (x in b'abc', x in bytearray(b'abc')))


class IterationBlocked(list):
    __bytes__ = None


class IntBlocked(int):
    __bytes__ = None


class BytesBlocked(bytes):
    __bytes__ = None


class BufferBlocked(bytearray):
    __bytes__ = None


class StrWithBytes(str):
    def __bytes__(self):
        return b'abc'


for v in [IterationBlocked([1]), IntBlocked(3), BytesBlocked(b'ab'), BufferBlocked(b'ab')]:
    t('blocked ' + type(v).__name__, lambda: bytes(v))
t('str subclass', lambda: bytes(StrWithBytes('\u20ac')))
t('str subclass encoded', lambda: bytes(StrWithBytes('\u20ac'), 'iso8859-15'))
t('str', lambda: bytes('x'))

t('bytearray items', lambda: bytearray([300]))
t('bytearray iter items', lambda: bytearray(iter([300])))
t('bytes iter items', lambda: bytes(iter([300])))
ba = bytearray()


def gen():
    for i in range(1, 6):
        yield i
        print('  during init', list(ba), ba.__alloc__() > len(ba))


ba.__init__(gen())
print(ba)


def failing():
    yield 1
    raise KeyError('k')


ba = bytearray(b'abc')
t('failed init', lambda: ba.__init__(failing()))
print(ba)

ba = bytearray(range(10))
view = memoryview(ba)
for label, f in [('init', lambda: ba.__init__(3)), ('init iter', lambda: ba.__init__(iter([1]))),
                 ('empty ext slice', lambda: ba.__setitem__(slice(1, -1, 2), b'')),
                 ('pop', lambda: ba.pop(0)), ('del', lambda: ba.__delitem__(1))]:
    t(label, f)
print(ba)
view.release()
ba[1:-1:2] = b''
print(ba)
t('ext slice size', lambda: ba.__setitem__(slice(1, -1, 2), b'x'))


class WithSlots(bytearray):
    __slots__ = ('x', 'y', '__dict__')


w = WithSlots(b'abc')
w.x = 1
w.z = 3
print(w.__reduce__(), w.__reduce_ex__(2), w.__reduce_ex__(3), bytearray().__reduce_ex__(4))
t('reduce_ex str', lambda: w.__reduce_ex__('x'))
for c in (copy.copy(w), copy.deepcopy(w), pickle.loads(pickle.dumps(w, 4))):
    print(type(c).__name__, c, c.x, c.z, hasattr(c, 'y'))

a = b'123abc1@'
print(a * 1 is a, 1 * a is a, a * 2 is a)


class SubBytes(bytes):
    pass


s = SubBytes(b'qwerty')
print(s * 1 is s, type(s * 1).__name__)

code = '''
import sys
for data in ('', 'x'):
    for kw in ({'encoding': 'boom'}, {'encoding': 'latin1', 'errors': 'boom'}, {'encoding': 'utf8', 'errors': 'strict'}):
        for f in (bytes, bytearray, str.encode):
            try:
                f(data, **kw)
                print('ok', end=' ')
            except LookupError as e:
                print(type(e).__name__, e, end='; ')
    print()
for kw in ({'encoding': 'boom'}, {'errors': 'boom'}, {'encoding': 'ascii', 'errors': 'ignore'}):
    try:
        b'x'.decode(**kw)
        print('ok')
    except LookupError as e:
        print(type(e).__name__, e)
'''
for flags in ([], ['-X', 'dev']):
    r = subprocess.run([sys.executable] + flags + ['-c', code], capture_output=True, text=True)
    print(flags, r.returncode, r.stdout, r.stderr)
