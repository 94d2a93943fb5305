# The stdlib's hashlib and hmac over the builtin hash modules (there is no
# _hashlib / OpenSSL): constructors, hashlib.new, names, hmac digests.
import hashlib, hmac

print(sorted(hashlib.algorithms_guaranteed))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b'The quick brown fox')
    n = hashlib.new(name.upper() if name in ('md5', 'sha1', 'sha256') else name)
    n.update(b'The quick brown fox')
    d = h.hexdigest(16) if name.startswith('shake') else h.hexdigest()
    print(name, h.name, h.digest_size, h.block_size, d == (n.hexdigest(16) if name.startswith('shake') else n.hexdigest()), d[:32])
    print(' ', getattr(hashlib, name)(b'abc').digest()[:8] if not name.startswith('shake') else getattr(hashlib, name)(b'abc').digest(8))
try:
    hashlib.new('nope')
except ValueError as e:
    print('ValueError', e)
print(hashlib.sha256(b'x', usedforsecurity=False).hexdigest()[:16])
for digestmod in ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b', hashlib.sha224]:
    m = hmac.new(b'key', b'The quick brown fox jumps over the lazy dog', digestmod)
    print(m.name, m.digest_size, m.block_size, m.hexdigest()[:40])
    m2 = m.copy(); m2.update(b'!')
    print(' ', hmac.compare_digest(m.digest(), m.copy().digest()), m2.hexdigest() != m.hexdigest(),
          hmac.digest(b'key', b'msg', digestmod)[:6])
print(hmac.compare_digest('abc', 'abc'), hmac.compare_digest(b'abc', b'abd'))
try:
    hmac.new(b'key')
except TypeError as e:
    print('TypeError', e)
