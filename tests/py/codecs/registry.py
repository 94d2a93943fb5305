# The codec registry: lookup, normalization, search functions, the cache,
# codecs.encode/decode and str.encode/bytes.decode through the registry.
import codecs
import _codecs

info = codecs.lookup('UTF-8')
print(type(info).__name__, info.name, info is codecs.lookup('utf_8'))
for name in ['latin-1', 'ISO-8859-1', 'ascii', 'US-ASCII', 'utf-16', 'UTF-32-LE', 'cp1252',
             'windows-1252', 'koi8_r', 'mac-roman', 'utf-8-sig', 'unicode_escape',
             '  Latin 1  ', 'rot-13', 'undefined']:
    print(repr(name), codecs.lookup(name).name)

for bad in ['no-such-codec', 'utf-9', '', 'ütf8']:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print('LookupError', e)
for bad in [1, None, b'utf-8']:
    try:
        codecs.lookup(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    codecs.lookup('utf\0-8')
except ValueError as e:
    print('ValueError', e)

# A search function sees the normalized name.
seen = []
def search(name):
    seen.append(name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    if name == 'tuple_codec':
        return (lambda s, e='strict': (b'T', len(s)), lambda b, e='strict': ('t', len(b)), None, None)
    if name == 'bad_codec':
        return (1, 2, 3)
    if name == 'bytes_codec':
        return codecs.CodecInfo(lambda s, e='strict': ('not bytes', 1), lambda b, e='strict': (b'not str', 1),
                                name='bytes_codec')
    if name == 'array_codec':
        return codecs.CodecInfo(lambda s, e='strict': (bytearray(b'ba'), 1), lambda b, e='strict': ('x', 1),
                                name='array_codec')
    if name == 'one_codec':
        return codecs.CodecInfo(lambda s, e='strict': b'x', lambda b, e='strict': ('x',), name='one_codec')
    if name == 'raising_codec':
        def enc(s, errors='strict'):
            raise ValueError('boom ' + errors)
        def dec(b, errors='strict'):
            raise KeyError('k')
        return codecs.CodecInfo(enc, dec, name='raising_codec')
    return None

codecs.register(search)
print(codecs.lookup('My-Codec').name, seen[-1])
print(codecs.lookup('  my  codec ').name, seen[-1])
print('héllo'.encode('my-codec'))
print(b'HELLO'.decode('my_codec'))
print(codecs.encode('abc', 'my-codec'), codecs.decode(b'ABC', 'my-codec'))
print(len(codecs.lookup("tuple-codec")), 'x'.encode('tuple_codec'), b'x'.decode('tuple_codec'))
try:
    codecs.lookup('bad-codec')
except TypeError as e:
    print('TypeError', e)
for call in [lambda: 'x'.encode('bytes_codec'), lambda: b'x'.decode('bytes_codec'),
             lambda: 'x'.encode('one_codec'), lambda: b'x'.decode('one_codec'),
             lambda: codecs.encode('x', 'one_codec'), lambda: codecs.decode(b'x', 'one_codec')]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
print(codecs.encode('x', 'bytes_codec'), codecs.decode(b'x', 'bytes_codec'))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print('x'.encode('array_codec'))
    print(w[0].category.__name__, w[0].message)

# Errors raised by codecs are rewrapped when their type holds no other state.
for call in [lambda: 'x'.encode('raising_codec'), lambda: b'x'.decode('raising_codec'),
             lambda: codecs.encode('x', 'raising_codec', 'ignore'), lambda: codecs.decode(b'x', 'raising_codec')]:
    try:
        call()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e, '| cause:', type(e.__cause__).__name__, e.__cause__)

# Non-text codecs.
print(codecs.encode('abc', 'rot13'), codecs.decode('nop', 'rot_13'))
for call in [lambda: 'abc'.encode('rot13'), lambda: b'abc'.decode('rot13')]:
    try:
        call()
    except LookupError as e:
        print('LookupError', e)

# codecs.encode / decode arguments.
print(codecs.encode('é'), codecs.decode(b'\xc3\xa9'), codecs.encode(obj='é', encoding='latin-1'))
print(_codecs.encode('é', errors='strict'), _codecs.decode(b'abc', 'ascii', 'strict'))
for call in [lambda: codecs.encode(), lambda: codecs.encode('a', 1), lambda: codecs.decode(b'a', 'ascii', 2),
             lambda: codecs.encode('a', 'ascii', 'strict', 4), lambda: codecs.encode('a', foo=1),
             lambda: codecs.decode(b'\xff', 'ascii'), lambda: codecs.encode('é', 'ascii')]:
    try:
        call()
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)

# unregister drops the function and the cache.
codecs.unregister(search)
codecs.unregister(search)
try:
    codecs.lookup('my-codec')
except LookupError as e:
    print('LookupError', e)
try:
    codecs.register(42)
except TypeError as e:
    print('TypeError', e)

