"""Makes `import random` possible where some of random.py's imports are
missing (Pyrite has no warnings, os/posix or _sha512 module yet).

Each stand-in is installed only when the real module cannot be imported
(for os and warnings, judged by what they need first: posix and
sys.warnoptions), so under CPython random.py runs with the real modules and the tests compare
Pyrite's _random (and math) against it. The stand-ins: warnings.warn, an
os with only `urandom` (which random.py calls in SystemRandom alone), and
a pure-Python SHA-512 (FIPS 180-4) for seeding with str/bytes.
"""
import sys

ModuleType = type(sys)


def _missing(name, needs=None):
    """True when `name` cannot be imported; `needs` is a cheaper test of
    what it depends on (importing os or warnings first runs a lot of code
    before failing)."""
    if name in sys.modules:
        return False
    if needs is not None and not needs():
        return True
    try:
        __import__(name)
        return False
    except Exception:
        sys.modules.pop(name, None)
        return True


def _has_posix():
    try:
        import posix
        return True
    except ImportError:
        return False


_MASK = (1 << 64) - 1
# FIPS 180-4: the first 64 bits of the fractional parts of the cube roots
# of the first 80 primes (_K) and of the square roots of the first 8 (_H).
_K = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
]
_H = [
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
    0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
]


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK


class sha512:
    name = 'sha512'
    digest_size = 64
    block_size = 128

    def __init__(self, data=b''):
        self._h = list(_H)
        self._buf = b''
        self._len = 0
        self.update(data)

    def update(self, data):
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        whole = len(buf) // 128 * 128
        for i in range(0, whole, 128):
            self._block(buf[i:i + 128])
        self._buf = buf[whole:]

    def _block(self, block):
        w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
        for t in range(16, 80):
            s0 = _rotr(w[t - 15], 1) ^ _rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
            s1 = _rotr(w[t - 2], 19) ^ _rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK)
        a, b, c, d, e, f, g, h = self._h
        for t in range(80):
            t1 = (h + (_rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)) + ((e & f) ^ (~e & g)) + _K[t] + w[t]) & _MASK
            t2 = ((_rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c))) & _MASK
            a, b, c, d, e, f, g, h = (t1 + t2) & _MASK, a, b, c, (d + t1) & _MASK, e, f, g
        self._h = [(x + y) & _MASK for x, y in zip(self._h, (a, b, c, d, e, f, g, h))]

    def digest(self):
        saved = (list(self._h), self._buf, self._len)
        n = self._len
        self.update(b'\x80' + b'\0' * ((111 - n) % 128) + (n * 8).to_bytes(16, 'big'))
        out = b''.join(x.to_bytes(8, 'big') for x in self._h)
        self._h, self._buf, self._len = saved
        return out

    def hexdigest(self):
        return self.digest().hex()


def _urandom(n):
    raise NotImplementedError('os.urandom is not available')


if _missing('warnings', lambda: hasattr(sys, 'warnoptions')):
    mod = ModuleType('warnings')
    mod.warn = lambda message, category=None, stacklevel=1, source=None: None
    sys.modules['warnings'] = mod
if _missing('os', _has_posix):
    mod = ModuleType('os')
    mod.urandom = _urandom
    sys.modules['os'] = mod
if _missing('_sha512'):
    mod = ModuleType('_sha512')
    mod.sha512 = sha512
    sys.modules['_sha512'] = mod
