# Every format character in every byte order: pack, unpack and calcsize.
import struct

def show(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(repr(r))

INTS = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
        2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63,
        -2**63 - 1, 2**64 - 1, 2**64, -2**64, 10**30, True, False]
for order in ['', '@', '=', '<', '>', '!']:
    for c in 'bBhHiIlLqQnNP':
        fmt = order + c
        try:
            size = struct.calcsize(fmt)
        except struct.error as e:
            print(fmt, 'calcsize', e)
            continue
        print(fmt, size)
        for v in INTS:
            try:
                b = struct.pack(fmt, v)
            except Exception as e:
                print(' ', v, type(e).__name__, e)
                continue
            print(' ', v, b.hex(), struct.unpack(fmt, b))

FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 1e-5, 1e-8, 6.1e-5, 5.96e-8, 2.9e-8, 65504.0, 65519.99,
          65520.0, 3.4028234e38, 3.4028236e38, 1e39, 1e300, -1e300, 1e-320, float('inf'),
          float('-inf'), 2**1030, 7, 2**128, 1.5e-45, 1e-46]
for order in ['', '@', '=', '<', '>', '!']:
    for c in 'efd':
        fmt = order + c
        print(fmt, struct.calcsize(fmt))
        for v in FLOATS:
            try:
                b = struct.pack(fmt, v)
            except Exception as e:
                print(' ', v, type(e).__name__, e)
                continue
            print(' ', v, b.hex(), struct.unpack(fmt, b))
        b = struct.pack(fmt, float('nan'))
        (x,) = struct.unpack(fmt, b)
        print('  nan', b.hex(), x != x)

# Every half-precision bit pattern unpacks and packs back.
bad = 0
for i in range(0, 65536, 61):
    b = i.to_bytes(2, 'little')
    (x,) = struct.unpack('<e', b)
    if x != x:
        continue
    if struct.pack('<e', x) != b:
        bad += 1
print('half round trip failures', bad)
# Half rounding: ties to even.
for i in range(0, 4096, 7):
    x = 1 + i / 8192
    print(struct.pack('>e', x).hex(), end=' ')
print()

for order in ['', '@', '=', '<', '>', '!']:
    for v in [True, False, 0, 1, 2, [], [0], '', 'x', None]:
        print(order + '?', repr(v), struct.pack(order + '?', v))
    print(struct.unpack(order + '????', b'\x00\x01\x02\xff'))
    for v in [b'a', b'', b'ab', bytearray(b'a'), 'a', 97]:
        show(struct.pack, order + 'c', v)
    print(struct.unpack(order + 'cc', b'\x00\xff'))

for fmt in ['s', '0s', '1s', '3s', '10s', 'p', '0p', '1p', '2p', '5p', '300p', '3s3p']:
    n = struct.calcsize(fmt)
    for v in [b'', b'abc', b'abcdefgh', bytearray(b'xyz'), 'abc', memoryview(b'ab'), 5]:
        args = [v] * fmt.count('s') + [v] * fmt.count('p')
        try:
            b = struct.pack(fmt, *args)
        except Exception as e:
            print(fmt, repr(v) if not isinstance(v, memoryview) else 'memoryview', type(e).__name__, e)
            continue
        print(fmt, n, repr(v), b[:20], len(b), struct.unpack(fmt, b)[0][:20] if fmt != '0p' else '')
print(struct.unpack('5p', b'\xffabcd'), struct.unpack('3p', b'\x01ab'), struct.unpack('1p', b'\x05'))

for v in [b'', b'ab']:
    print(struct.pack('x', *[]), struct.pack('3x'), struct.pack('0x'), struct.unpack('2x', b'ab'))

# Sizes and native alignment.
for fmt in ['', 'x', 'c', 'bh', 'bi', 'bl', 'bq', 'bn', 'bP', 'be', 'bf', 'bd', 'b?', 'hb', 'ib',
            'bi0l', 'b0q', '0q', 'bxi', 'b3i', '3bi', 'i3b', 'cd', 'cdc', '@cdc', '=cdc', '<cdc',
            '>cdc', '!cdc', ' i ', 'i i', '2i 3h', '\ti\n', 'b 0i', '10s i', 's p i', '100x',
            'llh0l', 'hhl', 'c2sh', 'q?d']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('bhbi', 1, 2, 3, 4).hex(), struct.pack('<bhbi', 1, 2, 3, 4).hex(),
      struct.pack('>bhbi', 1, 2, 3, 4).hex())
print(struct.unpack('bhbi', bytes(range(12))))
print(struct.pack('3h2b', 1, 2, 3, 4, 5), struct.unpack('3h2b', bytes(8)))

# __index__ and __float__ objects, subclasses.
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Flt:
    def __float__(self): return 2.5
class MyInt(int): pass
class MyFloat(float): pass
class MyBytes(bytes): pass
for fmt in ['i', 'Q', '>q', '<Q', 'P', 'f', 'd', 'e', '>e', '?']:
    for v in [Idx(5), Idx(-3), Idx(2**70), Flt(), MyInt(9), MyFloat(1.25), 'x', None, 1.0, 3+0j]:
        show(struct.pack, fmt, v)
show(struct.pack, 'c', MyBytes(b'q'))
show(struct.pack, '3s', MyBytes(b'qrs'))
class BadIdx:
    def __index__(self): return 'no'
show(struct.pack, 'i', BadIdx())
class BadFloat:
    def __float__(self): raise ValueError('inner')
show(struct.pack, 'd', BadFloat())
class BadBool:
    def __bool__(self): raise ValueError('no bool')
show(struct.pack, '?', BadBool())
for fmt in ['>q', '>Q', '<q', '<Q', 'P', 'q', 'Q']:
    for v in [Idx(2**64), Idx(-2**64), Idx(2**63), Idx(-1), Idx(-2**63 - 1)]:
        show(struct.pack, fmt, v)
show(struct.unpack, '0p', b''); show(struct.unpack, '0pi', bytes(4)); show(struct.pack, '0p', b'x')
