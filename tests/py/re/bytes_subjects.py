# bytes patterns over bytes, bytearray and memoryview subjects; str/bytes
# mixing errors; what the results are made of.
import re

p = re.compile(rb'(\w+)=(\d*)')
for subject in (b'a=1 bb=22 c=', bytearray(b'a=1 bb=22 c='), memoryview(b'a=1 bb=22 c=')):
    m = p.search(subject)
    print(type(subject).__name__, m, m.group(1), m.groups(), type(m.string).__name__)
    print(p.findall(subject), p.split(subject), p.sub(rb'\2:\1' if not isinstance(subject, memoryview) else b'=', subject), p.subn(b'-', subject))
    print([m.span() for m in p.finditer(subject)], p.fullmatch(subject))
print(re.sub(b'(a)', rb'<\1>', memoryview(b'bab')) if False else '', re.sub(b'a', b'x', bytearray(b'bab')), re.sub(b'z', b'x', bytearray(b'bab')), re.sub(b'z', b'x', b'bab'))
print(re.sub(b'a', lambda m: bytearray(b'<>'), b'bab'), re.sub(b'a', lambda m: memoryview(b'!'), b'bab'))
print(re.split(b'', b'ab'), re.findall(b'.', b'\x00\xff'), re.escape(b'a.b\xff'))
print(re.compile(b'(?P<n>.)').match(b'xy').groupdict(), re.compile(b'[\x80-\xff]+').findall(b'a\x80\xfeb'))
print(re.match(rb'\x00+', b'\x00\x00a'), re.match(b'[^\x00]', b'\x00'))

def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

err(lambda: re.match('a', b'a'))
err(lambda: re.match(b'a', 'a'))
err(lambda: re.match('a', bytearray(b'a')))
err(lambda: re.match(b'a', 1))
err(lambda: re.match('a', None))
err(lambda: re.sub(b'a', 'x', b'a'))
err(lambda: re.sub('a', b'x', 'a'))
err(lambda: re.sub(b'a', lambda m: 'x', b'ba'))
err(lambda: re.sub(b'a', b'\\1', b'a'))
err(lambda: re.compile(b'a').findall('a'))
err(lambda: re.compile(b'a').split('a'))
err(lambda: re.compile('a').scanner(b'a'))
err(lambda: re.compile(1))
err(lambda: re.compile(b'a', re.U))
err(lambda: re.search(b'(?u)a', b'a'))
err(lambda: re.search('(?L)a', 'a'))

ba = bytearray(b'xaxax')
def grow(m):
    try:
        ba.extend(b'zz')
    except BufferError as e:
        print('BufferError', e)
    return b'-'
print(re.sub(b'a', grow, ba), ba)
ba.extend(b'!')
print(ba)
