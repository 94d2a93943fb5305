# _sha3 and _blake2: FIPS 202 / RFC 7693 vectors, SHAKE lengths, BLAKE2
# keys, salts, personalization and tree parameters, copies, messages.
import _sha3, _blake2

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r) if not hasattr(r, 'hexdigest') else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

msgs = [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', b'\xa3' * 200,
        bytes(range(256)) * 2, b'x' * 71, b'x' * 72, b'x' * 135, b'x' * 136, b'x' * 167, b'x' * 168]
for name in ['sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256']:
    c = getattr(_sha3, name)
    h = c()
    print(name, type(h).__name__, type(h).__module__, h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix)
    for m in msgs:
        h = c(m)
        print(' ', len(m), h.hexdigest() if h.digest_size else (h.hexdigest(40), h.digest(3)))
    data = bytes((i * 13 + 7) % 256 for i in range(2000))
    h = c()
    i = 0
    for n in [1, 7, 64, 71, 72, 73, 135, 136, 137, 500]:
        h.update(data[i:i + n]); i += n
    h.update(data[i:])
    full = c(data)
    same = h.hexdigest() == full.hexdigest() if h.digest_size else h.digest(300) == full.digest(300)
    h2 = h.copy(); h2.update(b'!')
    print(' ', same, type(h2) is type(h), (h2.digest() if h.digest_size else h2.digest(8)) != (h.digest() if h.digest_size else h.digest(8)))
    t(c, 'x'); t(c, b'a', b'b'); t(c, data=b'x'); t(c, string=b'x'); t(c, b'x', usedforsecurity=False); t(h.update, 'x'); t(h.update, 1)
    if h.digest_size:
        t(h.hexdigest, 1)
    else:
        t(h.hexdigest); t(h.digest, -1); t(h.digest, 'x'); t(h.hexdigest, 2**70); print(' ', h.digest(0), h.hexdigest(1))
print(_sha3.keccakopt, _sha3.implementation, sorted(x for x in dir(_sha3) if not x.startswith('__')))
for name in ['blake2b', 'blake2s']:
    c = getattr(_blake2, name)
    h = c()
    print(name, type(h).__name__, type(h).__module__, h.name, h.digest_size, h.block_size,
          c.SALT_SIZE, c.PERSON_SIZE, c.MAX_KEY_SIZE, c.MAX_DIGEST_SIZE)
    for m in msgs:
        print(' ', len(m), c(m).hexdigest())
    for kw in [dict(digest_size=20), dict(key=b'secret'), dict(key=b'k' * c.MAX_KEY_SIZE), dict(salt=b'salty'), dict(person=b'me'),
               dict(fanout=2, depth=3, leaf_size=100, node_offset=5, node_depth=1, inner_size=16, last_node=True),
               dict(digest_size=1, key=b'k', salt=b's' * c.SALT_SIZE, person=b'p' * c.PERSON_SIZE), dict(fanout=0, depth=255, node_depth=255, leaf_size=2**32 - 1)]:
        print(' ', sorted(kw), c(b'message', **kw).hexdigest(), c(**kw).hexdigest()[:16])
    data = bytes((i * 31 + 1) % 256 for i in range(1000))
    h = c(key=b'k')
    for n in [1, 63, 64, 65, 127, 128, 129]:
        h.update(data[:n])
    ref = c(b''.join(data[:n] for n in [1, 63, 64, 65, 127, 128, 129]), key=b'k')
    h2 = h.copy(); h2.update(b'x')
    print(' ', h.hexdigest() == ref.hexdigest(), h.digest() == ref.digest(), h2.digest() != h.digest())
    for kw in [dict(digest_size=0), dict(digest_size=100), dict(key=b'x' * 100), dict(salt=b'x' * 100), dict(person=b'x' * 100),
               dict(fanout=-1), dict(fanout=256), dict(depth=0), dict(depth=256), dict(leaf_size=-1), dict(leaf_size=2**32),
               dict(node_offset=-1), dict(node_offset=2**64), dict(node_depth=256), dict(inner_size=100), dict(inner_size=-1),
               dict(digest_size='x'), dict(key='x'), dict(bogus=1), dict(data='x')]:
        t(c, **kw)
    t(c, b'a', b'b'); t(c, 'x'); t(c, string=b'x'); t(h.update, 'x'); t(h.update, None)
print(sorted(x for x in dir(_blake2) if not x.startswith('__')), _blake2.BLAKE2B_MAX_DIGEST_SIZE, _blake2.BLAKE2S_SALT_SIZE)
