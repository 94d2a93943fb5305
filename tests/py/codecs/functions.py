# The _codecs functions the encodings package calls: results, consumed
# counts, `final`, BOMs, the escape codecs, charmap, argument errors.
import _codecs as c

s = 'aé€\U0001f600'
print(c.utf_8_encode(s), c.utf_8_encode(s, None), c.utf_8_encode(''))
data = s.encode('utf-8')
for i in range(len(data) + 1):
    print(i, c.utf_8_decode(data[:i]), c.utf_8_decode(data[:i], 'strict', True) if i in (0, 1, 3, 6, 10) else '')
print(c.utf_8_decode(memoryview(b'ab')), c.utf_8_decode(bytearray(b'\xc3\xa9x')))
for enc in ['utf_16', 'utf_16_le', 'utf_16_be', 'utf_32', 'utf_32_le', 'utf_32_be']:
    e = getattr(c, enc + '_encode')
    d = getattr(c, enc + '_decode')
    b, n = e(s)
    print(enc, b, n)
    for i in range(0, len(b) + 1, 3):
        print(' ', i, d(b[:i]), d(b[:i], None, False))
    try:
        print(' final', d(b[:-1], 'strict', True))
    except UnicodeDecodeError as x:
        print(' final', x)
    print(' replace', d(b[:-1], 'replace', True))
for order in (-1, 0, 1):
    print(order, c.utf_16_encode('ab', None, order), c.utf_32_encode('ab', None, order))
for data in [b'', b'\xff', b'\xff\xfe', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00b\x00', b'\x00a']:
    for order in (-1, 0, 1):
        print(data, order, c.utf_16_ex_decode(data, None, order), c.utf_16_ex_decode(data, None, order, True) if len(data) % 2 == 0 else '')
for data in [b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a', b'a\x00\x00\x00', b'\xff\xfe']:
    try:
        print(data, c.utf_32_ex_decode(data), c.utf_32_ex_decode(data, None, 0, True))
    except UnicodeDecodeError as e:
        print(data, e)
print(c.utf_16_decode(b'\x00\xd8\x00\xdc'), c.utf_16_le_decode(b'\x00\xd8', 'strict', False))
for bad in [b'\x00\xdc', b'\x00\xd8a\x00', b'\x00\xd8']:
    try:
        c.utf_16_le_decode(bad, None, True)
    except UnicodeDecodeError as e:
        print(e)
for bad in [b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00']:
    try:
        c.utf_32_le_decode(bad, None, True)
    except UnicodeDecodeError as e:
        print(e)

print(c.latin_1_encode('aé'), c.latin_1_decode(b'a\xe9\xff'), c.ascii_encode('ab'), c.ascii_decode(b'ab'))
for f, arg in [(c.latin_1_encode, 'a€'), (c.ascii_encode, 'aé'), (c.ascii_decode, b'a\x80')]:
    try:
        f(arg)
    except UnicodeError as e:
        print(type(e).__name__, e)
print(c.latin_1_encode('a€b', 'replace'), c.ascii_decode(b'a\x80b', 'ignore'))

# unicode_escape and raw_unicode_escape.
print(c.unicode_escape_encode('a\n\té\u20ac\U0001f600\\\'"'))
print(c.raw_unicode_escape_encode('a\n\té\u20ac\U0001f600\\'))
for data in [b'a\\nb', b'\\x41\\u20ac\\U0001f600', b'\\N{EURO SIGN}', b'\\101\\7', b'abc\\', b'\\x4', b'\\u20',
             'str\\t', b'\\N{NO SUCH NAME}', b'\\U00110000']:
    for final in (True, False):
        try:
            print(data, final, c.unicode_escape_decode(data, None, final))
        except UnicodeDecodeError as e:
            print(data, final, e)
print(c.unicode_escape_decode(b'\\x4z', 'replace'), c.unicode_escape_decode(b'\\x4z', 'ignore'))
for data in [b'a\\u20acb', b'\\\\u20ac', b'\\U0001f600', b'\\x41', b'ab\\', b'\\u12', b'\\U00110000']:
    for final in (True, False):
        try:
            print(data, final, c.raw_unicode_escape_decode(data, None, final))
        except UnicodeDecodeError as e:
            print(data, final, e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(c.unicode_escape_decode(b'\\q\\z'), c.escape_decode(b'\\q\\z'), c.escape_decode(b'\\777'))
    for x in w:
        print(x.category.__name__, x.message)

# The bytes escape codec.
print(c.escape_encode(b'a\'"\\\n\t\r\x00\x7f\xff'))
for data in [b'a\\n\\t\\x41\\101\\\nb', b'\\a\\b\\f\\v\\0', 'str\\x41', b'\\"\\\'']:
    print(c.escape_decode(data))
for data, errors in [(b'\\x4', None), (b'ab\\xzz', 'strict'), (b'\\x4z', 'replace'), (b'\\x4z', 'ignore'),
                     (b'\\xz', 'bogus'), (b'abc\\', None)]:
    try:
        print(data, errors, c.escape_decode(data, errors))
    except ValueError as e:
        print(data, errors, 'ValueError', e)
print(c.readbuffer_encode(b'ab'), c.readbuffer_encode('é'), c.readbuffer_encode(bytearray(b'x'), 'strict'))

# charmap.
table = ''.join(chr(i) for i in range(128)) + '\u20ac' + '\ufffe' * 127
m = c.charmap_build(table)
print(type(m).__name__)
print(c.charmap_encode('ab\u20ac', None, m), c.charmap_decode(b'ab\x80', None, table))
for f, args in [(c.charmap_encode, ('a\xe9b', None, m)), (c.charmap_decode, (b'a\x81b', None, table)),
                (c.charmap_decode, (b'a\x81b', 'strict', {97: 'A'}))]:
    try:
        f(*args)
    except UnicodeError as e:
        print(type(e).__name__, e)
print(c.charmap_encode('a\xe9b', 'replace', m), c.charmap_encode('a\xe9b', 'xmlcharrefreplace', m),
      c.charmap_encode('a\xe9\xe8b', 'backslashreplace', m), c.charmap_encode('a\xe9b', 'ignore', m))
print(c.charmap_decode(b'a\x81b', 'replace', table), c.charmap_decode(b'a\x81b', 'backslashreplace', table))
mapping = {ord('a'): 1, ord('b'): b'BB', ord('c'): None, ord('?'): 63}
print(c.charmap_encode('ab', 'strict', mapping), c.charmap_encode('abc', 'replace', mapping))
print(c.charmap_decode(b'\x01\x02\x03', 'replace', {1: 'one', 2: 0x20ac, 3: None}))
print(c.charmap_decode(b'\x01\x02', 'strict', ['x', 'y', 'z']), c.charmap_decode(b'\x01\x02', 'replace', 'xy'))
print(c.charmap_encode('abc'), c.charmap_decode(b'\xe9'), c.charmap_encode('a€', 'replace', None))
for f, args in [(c.charmap_encode, ('a', 'strict', {97: 300})), (c.charmap_encode, ('a', 'strict', {97: 'x'})),
                (c.charmap_decode, (b'a', 'strict', {97: 0x110000})), (c.charmap_decode, (b'a', 'strict', {97: b'x'})),
                (c.charmap_encode, ('aé', 'replace', {97: 1})), (c.charmap_build, ('abc',)), (c.charmap_build, (1,))]:
    try:
        print(f(*args))
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)
m2 = c.charmap_build('\x00' + '\U0001f600' + 'a' * 254)
print(type(m2).__name__, m2[0x1f600], m2[97])

# Argument checking.
for call in [lambda: c.utf_8_encode(b'x'), lambda: c.utf_8_encode(), lambda: c.utf_8_encode('a', None, 1),
             lambda: c.utf_8_decode('x'), lambda: c.utf_8_decode(b'x', 1), lambda: c.utf_8_decode(b'x', None, 'y'),
             lambda: c.utf_8_decode(b'x', errors='strict'), lambda: c.utf_16_encode('x', None, 'big'),
             lambda: c.latin_1_decode(b'x', None, True), lambda: c.escape_encode('x'), lambda: c.escape_decode(1),
             lambda: c.charmap_decode(b'x', None, None, 1), lambda: c.utf_8_decode(b'x', 'a\0b'),
             lambda: c.unicode_escape_decode(3), lambda: c.readbuffer_encode(None)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
