# TextIOWrapper over the stateless codecs of the encodings package (cp1252,
# cp037, koi8_r): reading, writing, tell/seek, errors; non-text codecs refused.
import io, codecs, os
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding='cp1252', newline='')
t.write('caf\xe9 \u20ac\r\nline two\n')
t.flush()
print(raw.getvalue(), t.encoding)
raw.seek(0)
r = io.TextIOWrapper(raw, encoding='cp1252')
print(repr(r.readline()), r.tell())
print(repr(r.read()))
r.seek(0)
print(repr(r.read(3)), r.tell(), repr(r.read()))
r = io.TextIOWrapper(io.BytesIO(b'\xc1\x81\x40\xf1'), encoding='cp037')
print(repr(r.read()))
for enc, errors in [('cp1252', 'strict'), ('cp1252', 'replace'), ('cp1252', 'backslashreplace')]:
    w = io.TextIOWrapper(io.BytesIO(), encoding=enc, errors=errors)
    try:
        w.write('\u0100x')
        w.flush()
        print(w.buffer.getvalue())
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e)
r = io.TextIOWrapper(io.BytesIO(b'a\x81b'), encoding='cp1252', errors='replace')
print(repr(r.read()))
try:
    io.TextIOWrapper(io.BytesIO(b'a\x81b'), encoding='cp1252').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
for bad in ['rot13', 'hex', 'nonexistent']:
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=bad)
    except LookupError as e:
        print('LookupError', e)
p = '/tmp/pyrite_tio_%d.txt' % os.getpid()
with open(p, 'w', encoding='koi8_r') as f:
    f.write('Привет\n')
with open(p, 'rb') as f:
    print(f.read())
with open(p, encoding='koi8_r') as f:
    print(f.read(), f.encoding)
os.remove(p)
