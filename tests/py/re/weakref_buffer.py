# Patterns can be weakly referenced; a finditer iterator (a scanner) keeps a
# bytearray subject from resizing until it is collected.
import gc
import re
import weakref

p = re.compile('ab+')
r = weakref.ref(p)
print(r() is p, weakref.proxy(p).pattern)
for obj in (p.match('ab'), p.scanner('ab')):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)

def scan():
    b = bytearray(b'xax')
    it = re.finditer(b'a', b)
    try:
        b.extend(b'x' * 400)
    except BufferError as e:
        print('BufferError:', e)
    print([m.span() for m in it])
    try:
        b.extend(b'y')
    except BufferError as e:
        print('still held:', e)
    return b

b = scan()
gc.collect()
gc.collect()
b.extend(b'z' * 10)
print(len(b), bytes(b[-3:]))
b2 = bytearray(b'aaa')
print(re.sub(b'a', b'b', b2), re.findall(b'a', b2), re.split(b'a', b2))
b2.extend(b'!')
print(b2)
