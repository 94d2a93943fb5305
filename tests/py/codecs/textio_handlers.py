# TextIOWrapper calls handlers registered with codecs.register_error.
import codecs
import io

def show(e):
    print('handler:', type(e).__name__, e.encoding, e.start, e.end, e.reason)
    if isinstance(e, UnicodeEncodeError):
        return ('<%x>' % ord(e.object[e.start]), e.start + 1)
    return ('<%s>' % e.object[e.start:e.end].hex(), e.end)
codecs.register_error('test.show', show)

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding='ascii', errors='test.show')
t.write('caf\xe9 \u20ac!')
t.flush()
print(raw.getvalue())
r = io.TextIOWrapper(io.BytesIO(b'caf\xc3\xa9 \xff\xfe ok'), encoding='utf-8', errors='test.show')
print(r.read())
r = io.TextIOWrapper(io.BytesIO(b'a\xe9b'), encoding='latin-1', errors='test.show')
print(r.read())
w = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', errors='no.such.handler')
w.write('fine')
try:
    w.write('\udc80')
except LookupError as e:
    print('LookupError', e)
r = io.TextIOWrapper(io.BytesIO(b'\xff'), encoding='utf-8', errors='no.such.handler')
try:
    r.read()
except LookupError as e:
    print('LookupError', e)
