# Error handlers: the standard ones as functions, register_error /
# lookup_error, custom handlers called by the built-in codecs exactly as
# CPython calls them (exception object, start/end/reason, resume position).
import codecs

for name in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace',
             'namereplace', 'surrogateescape', 'surrogatepass']:
    h = codecs.lookup_error(name)
    print(name, h.__name__, h is codecs.lookup_error(name))
print(codecs.strict_errors is codecs.lookup_error('strict'))
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print('LookupError', e)

enc = UnicodeEncodeError('ascii', 'aé€\U0001f600b', 1, 4, 'ordinal not in range(128)')
dec = UnicodeDecodeError('utf-8', b'a\xff\xfe\x80b', 1, 4, 'invalid start byte')
tr = UnicodeTranslateError('aé€b', 1, 3, 'no')
for name in ['ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace',
             'surrogateescape', 'surrogatepass', 'strict']:
    h = codecs.lookup_error(name)
    for e in [enc, dec, tr, ValueError('x')]:
        try:
            print(name, type(e).__name__, h(e))
        except Exception as x:
            print(name, type(e).__name__, 'raises', type(x).__name__, x)

# surrogateescape / surrogatepass on their own material.
print(codecs.lookup_error('surrogateescape')(UnicodeEncodeError('ascii', 'a\udc80\udcff', 1, 3, 'r')))
print(codecs.lookup_error('surrogateescape')(UnicodeDecodeError('ascii', b'\x80\x81\x82\x83\x84\x85', 0, 6, 'r')))
for encoding in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'UTF8', 'latin-1']:
    try:
        print(encoding, codecs.lookup_error('surrogatepass')(UnicodeEncodeError(encoding, 'a\ud800\udfff', 1, 3, 'r')))
    except UnicodeEncodeError as e:
        print(encoding, 'raises', e)
print(codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-8', b'\xed\xa0\x80', 0, 1, 'r')))
print(codecs.lookup_error('surrogatepass')(UnicodeDecodeError('utf-16-be', b'\xd8\x00', 0, 1, 'r')))
# start/end are clamped into the object.
print(codecs.replace_errors(UnicodeEncodeError('ascii', 'abc', -5, 99, 'r')))
print(codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'\xff\xfe', 5, 1, 'r')))

# The built-in handlers through encode and decode.
s = 'aé€\U0001f600\udc80b'
for codec in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'utf-32-be', 'cp1252', 'cp437', 'iso8859_15']:
    for errors in ['ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace',
                   'surrogateescape', 'surrogatepass', 'strict']:
        try:
            print(codec, errors, s.encode(codec, errors))
        except UnicodeEncodeError as e:
            print(codec, errors, 'UnicodeEncodeError', e.start, e.end, e)
data = b'a\xe9\x80\xff\xed\xa0\x80b\x81'
for codec in ['ascii', 'utf-8', 'utf-16-le', 'cp1252', 'cp437', 'koi8_u', 'cp1253']:
    for errors in ['ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'strict',
                   'xmlcharrefreplace']:
        try:
            print(codec, errors, ascii(data.decode(codec, errors)))
        except (UnicodeDecodeError, TypeError) as e:
            print(codec, errors, type(e).__name__, e)

# Custom handlers.
calls = []
def record(e):
    calls.append(e)
    print('  called', type(e).__name__, e.encoding, e.start, e.end, e.reason, ascii(e.object[e.start:e.end]))
    if isinstance(e, UnicodeEncodeError):
        return ('[%s]' % ','.join(hex(ord(c)) for c in e.object[e.start:e.end]), e.end)
    return ('<%s>' % e.object[e.start:e.end].hex(), e.end)
codecs.register_error('test.record', record)
print(codecs.lookup_error('test.record') is record)
for codec in ['ascii', 'latin-1', 'utf-8', 'utf-16', 'utf-32-le', 'cp1252', 'charmap']:
    print(codec, 'a\xe9\u20ac\U0001f600\udc80b\xff'.encode(codec, 'test.record'))
print('same object:', all(c is calls[0] for c in calls[:2]), len(calls))
for codec in ['ascii', 'utf-8', 'utf-16-le', 'utf-32-be', 'cp1252', 'cp437', 'latin-1', 'unicode_escape',
              'raw_unicode_escape']:
    try:
        print(codec, ascii(b'a\xff\\x\\u12\xfe\xed\xa0\x80bc'.decode(codec, 'test.record')))
    except UnicodeDecodeError as e:
        print(codec, 'UnicodeDecodeError', e)

# Resume positions: backwards, negative, out of range; bytes replacements.
def back(e):
    back.n += 1
    if back.n > 3:
        return ('!', e.end)
    return ('?', e.start - 1)
back.n = 0
codecs.register_error('test.back', back)
print('ab\xe9cd'.encode('ascii', 'test.back'))
codecs.register_error('test.neg', lambda e: ('-', -1))
print('ab\xe9cd'.encode('ascii', 'test.neg'))
print(b'ab\xffcd'.decode('ascii', 'test.neg'))
codecs.register_error('test.bytes', lambda e: (b'\xff\x00', e.end))
print('a\xe9b'.encode('ascii', 'test.bytes'), 'a\xe9b'.encode('utf-16-le', 'test.bytes'))
try:
    'a\udc80b'.encode('utf-16-le', 'test.bytes1')
except LookupError as e:
    print('LookupError', e)
codecs.register_error('test.bytes1', lambda e: (b'\xff', e.end))
try:
    'a\udc80b'.encode('utf-16-le', 'test.bytes1')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
codecs.register_error('test.nonascii', lambda e: ('\xe9', e.end))
for codec in ['ascii', 'latin-1', 'utf-8', 'utf-16-le', 'cp1252']:
    try:
        print(codec, 'a\u20ac\udc80b'.encode(codec, 'test.nonascii'))
    except UnicodeEncodeError as e:
        print(codec, 'UnicodeEncodeError', e)
print(b'a\xffb'.decode('utf-8', 'test.nonascii'))

bad_results = [None, ('x',), ('x', 1, 2), (1, 1), ('x', 'y'), ('x', 100), ('x', -100), ('x', 1.5), [b'x', 1], ('x', 3),
               (b'x', 3), ('x', 2**70)]
for r in bad_results:
    codecs.register_error('test.bad', lambda e, r=r: r)
    for call in [lambda: 'a\xe9b'.encode('ascii', 'test.bad'), lambda: b'a\xffb'.decode('utf-8', 'test.bad'),
                 lambda: 'a\xe9b'.encode('cp1252' if False else 'cp437', 'test.bad')]:
        try:
            print(repr(r), call())
        except Exception as e:
            print(repr(r), type(e).__name__, e)

# A handler's own exception propagates; wrapped only through the registry.
def fails(e):
    raise RuntimeError('handler failed')
codecs.register_error('test.fails', fails)
for call in [lambda: 'a\xe9'.encode('ascii', 'test.fails'), lambda: 'a\xe9'.encode('us-ascii', 'test.fails'),
             lambda: 'a\udc80'.encode('utf-16-le', 'test.fails'), lambda: b'\xff'.decode('utf-8', 'test.fails'),
             lambda: b'\xff'.decode('utf_16_le', 'test.fails'), lambda: b'\x81'.decode('cp1252', 'test.fails'),
             lambda: b'\xff'.decode('utf-16-le', 'xmlcharrefreplace'),
             lambda: b'\xff'.decode('utf-8', 'xmlcharrefreplace')]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e, '| cause:', repr(e.__cause__))

for call in [lambda: codecs.register_error('x'), lambda: codecs.register_error(1, print),
             lambda: codecs.register_error('x', 1), lambda: codecs.lookup_error(1),
             lambda: codecs.lookup_error()]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
