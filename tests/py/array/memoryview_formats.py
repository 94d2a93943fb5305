# memoryview over float arrays and casts to 'f'/'d', and item assignment
# through views of every multi-byte format, with CPython's messages.
import array, struct
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
for tc in 'fd':
    a = array.array(tc, [1.5, -2.25, 3.0])
    m = memoryview(a)
    print(m.format, m.itemsize, m.nbytes, m[0], m[-1], m.tolist(), list(m[::2]), m == a, m == array.array(tc, [1.5, -2.25, 3.5]), m.cast('B').tolist()[:4])
    t(m.__setitem__, 0, 1.0)
    m.release()
b = struct.pack('dd', 1.25, float('nan'))
mv = memoryview(b).cast('d')
print(mv.format, mv.tolist()[0], mv[1] != mv[1], mv == mv, len(mv))
print(memoryview(struct.pack('ff', 0.5, 2.0)).cast('f').tolist())
t(memoryview(b'abc').cast, 'd')
for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    m = memoryview(a)
    for v in [5, -1, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, -2**63 - 1, 1.5, 'x', True, None]:
        try:
            m[1] = v; print(tc, repr(v)[:8], a[1])
        except Exception as e: print(tc, repr(v)[:8], type(e).__name__, e)
    t(m.__setitem__, 5, 1); t(m.__setitem__, -4, 1); m[-1] = 7; print(a)
    m.release()
mv = memoryview(bytearray(8)).cast('i')
mv[0] = -2; mv[1] = 2**31 - 1
print(mv.tolist(), bytes(mv.obj))
