# _md5, _sha1, _sha256 and _sha512: test vectors, incremental updates,
# copies, the hash objects' attributes and CPython's messages.
import _md5, _sha1, _sha256, _sha512

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512]
msgs = [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
        b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
        b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 111, b'a' * 112, b'a' * 127, b'a' * 128,
        b'a' * 1000, bytes(range(256)) * 3]
for c in ctors:
    h = c()
    print(c.__name__, c.__module__, type(h).__name__, type(h).__module__, h.name, h.digest_size, h.block_size)
    for m in msgs:
        print(' ', len(m), c(m).hexdigest())
    # Incremental updates in uneven pieces give the same digest.
    data = bytes((i * 7 + 3) % 256 for i in range(3000))
    h = c()
    i = 0
    for n in [1, 2, 3, 60, 64, 65, 127, 128, 129, 500, 1]:
        h.update(data[i:i + n])
        i += n
    h.update(data[i:])
    print(' ', h.hexdigest() == c(data).hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
    h2 = h.copy()
    h2.update(b'more')
    print(' ', h.hexdigest() == c(data).hexdigest(), h2.hexdigest() == c(data + b'more').hexdigest(), type(h2) is type(h))
    print(' ', c(bytearray(b'abc')).hexdigest() == c(b'abc').hexdigest(), c(memoryview(b'xabcx')[1:4]).hexdigest() == c(b'abc').hexdigest(),
          c(string=b'abc').digest() == c(b'abc').digest(), c(b'abc', usedforsecurity=False).digest() == c(b'abc').digest())
    t(c, 'abc')
    t(c, 1)
    t(c, b'a', b'b')
    t(c, bogus=1)
    t(h.update)
    t(h.update, 'x')
    t(h.update, None)
    t(h.update, b'a', b'b')
    t(h.digest, 1)
    t(type(h))
    t(setattr, h, 'name', 'x')
    t(setattr, h, 'digest_size', 1)
    print(' ', sorted(x for x in dir(h) if not x.startswith('__')))
print(sorted(x for x in dir(_sha512) if not x.startswith('__')), sorted(x for x in dir(_sha256) if not x.startswith('__')),
      sorted(x for x in dir(_sha1) if not x.startswith('__')), sorted(x for x in dir(_md5) if not x.startswith('__')))
print(_sha512.SHA384Type, _sha256.SHA224Type, _sha256.SHA256Type, _sha1.SHA1Type, _md5.MD5Type)
# A million 'a's (FIPS 180-4's long vector), fed in blocks.
for c in [_sha1.sha1, _sha256.sha256, _sha512.sha512, _md5.md5]:
    h = c()
    block = b'a' * 10000
    for _ in range(100):
        h.update(block)
    print(c.__name__, h.hexdigest())
