# The stdlib's codecs and encodings modules over _codecs: single-byte
# codecs, incremental coders, stream readers and writers, iterencode.
import codecs
import io

text = 'Grüße, €100 — naïve café'
for name in ['cp1252', 'iso8859_15', 'cp850', 'mac_roman', 'cp1250', 'koi8_r', 'latin_1', 'utf_8_sig',
             'utf_16', 'utf_16_be', 'utf_32', 'utf_7', 'unicode_escape', 'raw_unicode_escape', 'charmap']:
    try:
        b = text.encode(name, 'replace')
    except UnicodeEncodeError as e:
        print(name, e)
        continue
    print(name, b)
    print('  ', b.decode(name, 'replace'))

# Incremental decoders keep partial input until `final`.
for name in ['utf-8', 'utf-16', 'utf-32-be', 'utf-8-sig', 'cp1252', 'unicode_escape', 'utf-7']:
    data = text.encode(name)
    d = codecs.getincrementaldecoder(name)()
    parts = [d.decode(data[i:i + 3]) for i in range(0, len(data), 3)]
    parts.append(d.decode(b'', final=True))
    print(name, parts == [p for p in parts], ''.join(parts) == text, len([p for p in parts if p]))
    e = codecs.getincrementalencoder(name)()
    out = b''.join(e.encode(ch) for ch in text) + e.encode('', final=True)
    print('  ', out == data, out[:12])
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), d.getstate())
try:
    d.decode(b'', final=True)
except UnicodeDecodeError as e:
    print(e)
d = codecs.getincrementaldecoder('utf-16')()
print(repr(d.decode(b'\xfe')), repr(d.decode(b'\xff\x00')), repr(d.decode(b'a', True)))
d = codecs.getincrementaldecoder('utf-16')()
try:
    print(repr(d.decode(b'a\x00b\x00')))
except UnicodeError as e:
    print('UnicodeError', e)

# Streams.
buf = io.BytesIO()
w = codecs.getwriter('utf-16-le')(buf)
w.write('héllo\n')
w.writelines(['wörld\n', '€\n'])
print(buf.getvalue())
buf.seek(0)
r = codecs.getreader('utf-16-le')(buf)
print(r.readline(), r.readlines())
print(list(codecs.iterencode(['a', 'é', '€'], 'utf-16')), list(codecs.iterdecode([b'\xc3', b'\xa9', b'x'], 'utf-8')))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, codecs.BOM)

# str.encode / bytes.decode with names handled natively and through encodings.
for name in ['UTF8', 'utf-8', 'u8', 'Latin-1', 'l1', 'ISO8859-1', 'ascii', '646', 'UTF-16LE', 'cp1252', 'CP-1252',
             'windows_1252', 'mbcs']:
    try:
        print(name, 'é'.encode(name, 'replace'), repr(b'\xe9\x00'.decode(name, 'replace')))  # repr: the test harness cannot carry a NUL byte
    except LookupError as e:
        print(name, 'LookupError', e)
print(str(b'\x80abc', 'cp1252'), str(b'\x80', encoding='cp1252', errors='strict'))
print(bytes('€', 'cp1252'), bytearray('€', 'cp1252'), bytearray(b'\x80').decode('cp1252'))
