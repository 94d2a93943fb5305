# array: item conversion for every typecode, construction and method errors, with CPython's messages.
import array
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
for tc in 'bBuhHiIlLqQfd':
    a = array.array(tc)
    print(tc, a.itemsize)
    for v in [0, 1, -1, 127, 128, -129, 255, 256, 32768, 65536, -32769, 2**31, -2**31-1, 2**32, 2**63, -2**63-1, 2**64, 1.5, 'x', 'xy', None, True, 1e300]:
        try:
            a.append(v); print(' ', repr(v)[:12], 'ok', a[-1])
        except Exception as e: print(' ', repr(v)[:12], type(e).__name__, e)
t(array.array); t(array.array, 'z'); t(array.array, 'ii'); t(array.array, 1); t(array.array, 'i', 5); t(array.array, 'i', 'abc'); t(array.array, 'u', [1]); t(array.array, 'i', [1], 2); t(array.array, 'i', x=1)
t(array.array, 'u', 'abc'); t(array.array, 'b', b'\x01\xff'); t(array.array, 'i', b'\x01\x00\x00'); t(array.array, 'i', array.array('d', [1.5])); t(array.array, 'd', array.array('i', [1]))
a = array.array('i', [1, 2, 3])
print(a, repr(array.array('u', 'hi')), array.array('d'), array.array('f', [0.1]), str(a))
print(a.__reduce_ex__(2), a.__reduce_ex__(3), array.typecodes, array.ArrayType)
t(a.index, 5); t(a.remove, 5); t(a.pop, 5); t(array.array('i').pop); t(a.__getitem__, 5); t(a.__setitem__, 5, 1); t(a.__add__, [1]); t(a.__add__, array.array('d'))
t(a.fromunicode, 'x'); t(a.tounicode); t(a.frombytes, b'\x01'); t(a.extend, array.array('d')); t(a.extend, 5); t(a.byteswap, 1)
t(a.__setitem__, slice(0, 2), [1]); t(a.__setitem__, slice(0, 2), array.array('i', [9])); t(a.__setitem__, slice(0, 3, 2), array.array('i', [9]))
t(a.__iadd__, 5); t(lambda: a < 5); t(lambda: a < array.array('d', [1.0])); t(hash, a)
t(array._array_reconstructor, array.array, 'i', 5, b'\x01\x00\x00\x00')
t(array._array_reconstructor, array.array, 'i', 8, b'\x01\x00\x00\x00')
print(sorted(x for x in dir(array) if not x.startswith('__')))
print(sorted(x for x in dir(a) if not x.startswith('__')))
