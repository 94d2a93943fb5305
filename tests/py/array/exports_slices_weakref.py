# array: a failed resize leaves the items alone, extended-slice deletion with
# a huge step, weak references, the MutableSequence registration, and
# memoryview of an array('u') (format 'w').
import array
import collections.abc
import gc
import sys
import weakref

a = array.array('b', [-1, 0, 1, 42, 127])
m = memoryview(a)
for name, call in [("remove", lambda: a.remove(-1)), ("pop", lambda: a.pop(0)),
                   ("del", lambda: a.__delitem__(0)), ("del slice", lambda: a.__delitem__(slice(0, 2))),
                   ("imul", lambda: a.__imul__(0)), ("append", lambda: a.append(3))]:
    try:
        call()
        print(name, "no error")
    except BufferError as e:
        print(name, type(e).__name__, e, m.tobytes())
m.release()

for seq in ([1, 2, 3, 4, 5], array.array('i', [1, 2, 3, 4, 5]), bytearray(b'abcde')):
    for start in (0, 1, 3, -1):
        for step in (sys.maxsize, -sys.maxsize, 2 ** 62, 3, -2):
            s = seq[:]
            del s[start::step]
            print(type(seq).__name__, start, step, list(s))

for tc in 'bdu':
    x = array.array(tc, 'ab' if tc == 'u' else [1, 2])
    r = weakref.ref(x)
    print(tc, r() is x)
    del x
    gc.collect()
    print(tc, r())

print(isinstance(array.array('B'), collections.abc.MutableSequence))
print(issubclass(array.array, collections.abc.MutableSequence))

u = array.array('u', 'abc')
mu = memoryview(u)
print(mu.format, mu.itemsize, len(mu), mu.nbytes, mu.tobytes())
print(mu == mu, mu != mu, mu[1:].tobytes(), mu.cast('B').tolist()[:4])
for expr in (lambda: mu[0], lambda: mu.tolist(), lambda: list(mu)):
    try:
        expr()
    except NotImplementedError as e:
        print(type(e).__name__, e)
try:
    mu[0] = 'x'
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    u.fromunicode('d')
except BufferError as e:
    print(type(e).__name__, e)
mu.release()
u.fromunicode('d')
print(u)
