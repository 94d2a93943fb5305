# The DeprecationWarnings of the escape codecs, shown by the default
# filters for __main__ (one per call, for the first invalid escape).
import codecs

print(codecs.escape_decode(b'\\q\\w'))
print(codecs.escape_decode(b'\\777'))
print(ascii(b'\\z\\y'.decode('unicode_escape')))
print(ascii(b'\\z'.decode('unicode-escape', 'strict')))
print(ascii(codecs.unicode_escape_decode(b'\\8')[0]))
print(ascii(codecs.decode(b'\\9', 'unicode_escape')))
print(ascii(b'\\z'.decode('raw_unicode_escape')))
for i in range(2):
    print(codecs.escape_decode(b'\\k'))
