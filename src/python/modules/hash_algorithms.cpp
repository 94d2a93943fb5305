// MD5, SHA-1, SHA-224/256 and SHA-384/512 written from RFC 1321 and
// FIPS 180-4 (docs/modules.md, "_md5, _sha1, _sha256, _sha512").
//
// The SHA-2 round constants and initial values are defined by the spec as
// the leading fraction bits of square and cube roots of the first primes;
// they are computed here once, exactly, with GMP integer roots, instead of
// being copied as tables. MD5's sine table is RFC 1321's definition,
// floor(|sin(i)| * 2^32), which IEEE doubles give exactly. Each is checked
// against the standard test vectors in tests/py/hashes.
#include "python/modules/hash_algorithms.h"

#include <gmp.h>

#include <cmath>

namespace pyrite::python::hashes {

namespace {

struct Constants {
  uint32_t k256[64];
  uint64_t k512[80];
  uint32_t iv224[8], iv256[8];
  uint64_t iv384[8], iv512[8];
  uint32_t md5_t[64];
  bool ready = false;
};
Constants g_c;

// floor(frac(p^(1/root)) * 2^bits) for bits <= 64.
uint64_t root_fraction(unsigned p, unsigned root, unsigned bits) {
  mpz_t x, r;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, bits * root);
  mpz_init(r);
  mpz_root(r, x, root);
  // Drop the integer part: keep the low `bits` bits.
  mpz_fdiv_r_2exp(r, r, bits);
  uint64_t v = 0;
  mpz_export(&v, nullptr, -1, sizeof(v), 0, 0, r);
  mpz_clear(x);
  mpz_clear(r);
  return v;
}

void compute_constants() {
  unsigned primes[80];
  int n = 0;
  for (unsigned c = 2; n < 80; c++) {
    bool prime = true;
    for (int i = 0; i < n && primes[i] * primes[i] <= c; i++)
      if (c % primes[i] == 0) prime = false;
    if (prime) primes[n++] = c;
  }
  for (int i = 0; i < 64; i++) g_c.k256[i] = uint32_t(root_fraction(primes[i], 3, 32));
  for (int i = 0; i < 80; i++) g_c.k512[i] = root_fraction(primes[i], 3, 64);
  for (int i = 0; i < 8; i++) {
    g_c.iv256[i] = uint32_t(root_fraction(primes[i], 2, 32));
    g_c.iv512[i] = root_fraction(primes[i], 2, 64);
    g_c.iv384[i] = root_fraction(primes[8 + i], 2, 64);
    g_c.iv224[i] = uint32_t(g_c.iv384[i]);   // the low 32 bits of SHA-384's
  }
  for (int i = 0; i < 64; i++)
    g_c.md5_t[i] = uint32_t(std::floor(std::fabs(std::sin(double(i + 1))) * 4294967296.0));
  g_c.ready = true;
}

inline uint32_t rotl32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
inline uint32_t be32(const uint8_t* p) {
  return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}
inline uint32_t le32(const uint8_t* p) {
  return uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0];
}
inline uint64_t be64(const uint8_t* p) { return uint64_t(be32(p)) << 32 | be32(p + 4); }

void md5_block(uint64_t* h, const uint8_t* p) {
  static const int kShift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  uint32_t m[16];
  for (int i = 0; i < 16; i++) m[i] = le32(p + 4 * i);
  uint32_t a = uint32_t(h[0]), b = uint32_t(h[1]), c = uint32_t(h[2]), d = uint32_t(h[3]);
  for (int i = 0; i < 64; i++) {
    uint32_t f;
    int g;
    int round = i / 16;
    switch (round) {
      case 0: f = (b & c) | (~b & d); g = i; break;
      case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
      case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
      default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
    }
    uint32_t t = d;
    d = c;
    c = b;
    b = b + rotl32(a + f + g_c.md5_t[i] + m[g], kShift[round][i % 4]);
    a = t;
  }
  h[0] = uint32_t(h[0] + a);
  h[1] = uint32_t(h[1] + b);
  h[2] = uint32_t(h[2] + c);
  h[3] = uint32_t(h[3] + d);
}

void sha1_block(uint64_t* h, const uint8_t* p) {
  uint32_t w[80];
  for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 80; i++) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = uint32_t(h[0]), b = uint32_t(h[1]), c = uint32_t(h[2]), d = uint32_t(h[3]),
           e = uint32_t(h[4]);
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    uint32_t t = rotl32(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rotl32(b, 30);
    b = a;
    a = t;
  }
  h[0] = uint32_t(h[0] + a);
  h[1] = uint32_t(h[1] + b);
  h[2] = uint32_t(h[2] + c);
  h[3] = uint32_t(h[3] + d);
  h[4] = uint32_t(h[4] + e);
}

void sha256_block(uint64_t* h, const uint8_t* p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t v[8];
  for (int i = 0; i < 8; i++) v[i] = uint32_t(h[i]);
  for (int i = 0; i < 64; i++) {
    uint32_t e = v[4], a = v[0];
    uint32_t s1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25);
    uint32_t ch = (e & v[5]) ^ (~e & v[6]);
    uint32_t t1 = v[7] + s1 + ch + g_c.k256[i] + w[i];
    uint32_t s0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22);
    uint32_t maj = (a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]);
    uint32_t t2 = s0 + maj;
    v[7] = v[6];
    v[6] = v[5];
    v[5] = v[4];
    v[4] = v[3] + t1;
    v[3] = v[2];
    v[2] = v[1];
    v[1] = v[0];
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; i++) h[i] = uint32_t(h[i] + v[i]);
}

void sha512_block(uint64_t* h, const uint8_t* p) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) w[i] = be64(p + 8 * i);
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t v[8];
  for (int i = 0; i < 8; i++) v[i] = h[i];
  for (int i = 0; i < 80; i++) {
    uint64_t e = v[4], a = v[0];
    uint64_t s1 = rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41);
    uint64_t ch = (e & v[5]) ^ (~e & v[6]);
    uint64_t t1 = v[7] + s1 + ch + g_c.k512[i] + w[i];
    uint64_t s0 = rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39);
    uint64_t maj = (a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]);
    uint64_t t2 = s0 + maj;
    v[7] = v[6];
    v[6] = v[5];
    v[5] = v[4];
    v[4] = v[3] + t1;
    v[3] = v[2];
    v[2] = v[1];
    v[1] = v[0];
    v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; i++) h[i] += v[i];
}

void compress(State* s, const uint8_t* p) {
  switch (s->algorithm) {
    case Algorithm::kMd5: md5_block(s->h, p); break;
    case Algorithm::kSha1: sha1_block(s->h, p); break;
    case Algorithm::kSha224:
    case Algorithm::kSha256: sha256_block(s->h, p); break;
    case Algorithm::kSha384:
    case Algorithm::kSha512: sha512_block(s->h, p); break;
  }
}

}  // namespace

int digest_size(Algorithm a) {
  switch (a) {
    case Algorithm::kMd5: return 16;
    case Algorithm::kSha1: return 20;
    case Algorithm::kSha224: return 28;
    case Algorithm::kSha256: return 32;
    case Algorithm::kSha384: return 48;
    case Algorithm::kSha512: return 64;
  }
  return 0;
}

int block_size(Algorithm a) {
  return a == Algorithm::kSha384 || a == Algorithm::kSha512 ? 128 : 64;
}

const char* name(Algorithm a) {
  switch (a) {
    case Algorithm::kMd5: return "md5";
    case Algorithm::kSha1: return "sha1";
    case Algorithm::kSha224: return "sha224";
    case Algorithm::kSha256: return "sha256";
    case Algorithm::kSha384: return "sha384";
    case Algorithm::kSha512: return "sha512";
  }
  return "";
}

void init(State* s, Algorithm a) {
  if (!g_c.ready) compute_constants();
  std::memset(s, 0, sizeof(*s));
  s->algorithm = a;
  switch (a) {
    case Algorithm::kMd5:
    case Algorithm::kSha1: {
      const uint32_t iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
      for (int i = 0; i < 5; i++) s->h[i] = iv[i];
      break;
    }
    case Algorithm::kSha224: for (int i = 0; i < 8; i++) s->h[i] = g_c.iv224[i]; break;
    case Algorithm::kSha256: for (int i = 0; i < 8; i++) s->h[i] = g_c.iv256[i]; break;
    case Algorithm::kSha384: for (int i = 0; i < 8; i++) s->h[i] = g_c.iv384[i]; break;
    case Algorithm::kSha512: for (int i = 0; i < 8; i++) s->h[i] = g_c.iv512[i]; break;
  }
}

void update(State* s, const uint8_t* p, size_t n) {
  size_t bs = size_t(block_size(s->algorithm));
  uint64_t lo = s->length_lo + n;
  if (lo < s->length_lo) s->length_hi++;
  s->length_lo = lo;
  if (s->buffered) {
    size_t take = bs - s->buffered < n ? bs - s->buffered : n;
    std::memcpy(s->block + s->buffered, p, take);
    s->buffered = uint8_t(s->buffered + take);
    p += take;
    n -= take;
    if (s->buffered < bs) return;
    compress(s, s->block);
    s->buffered = 0;
  }
  for (; n >= bs; p += bs, n -= bs) compress(s, p);
  if (n) {
    std::memcpy(s->block, p, n);
    s->buffered = uint8_t(n);
  }
}

// Padding: 0x80, zeros, then the bit length (64 bits little-endian for
// MD5, big-endian 64 or 128 bits for SHA).
void digest(const State* in, uint8_t* out) {
  State s;
  std::memcpy(&s, in, sizeof(s));
  size_t bs = size_t(block_size(s.algorithm));
  size_t len_bytes = bs == 128 ? 16 : 8;
  uint64_t bits_lo = s.length_lo << 3;
  uint64_t bits_hi = (s.length_hi << 3) | (s.length_lo >> 61);
  uint8_t pad[256] = {0x80};
  size_t used = s.buffered;
  size_t padlen = (used < bs - len_bytes) ? bs - len_bytes - used : 2 * bs - len_bytes - used;
  uint8_t tail[16] = {};
  if (s.algorithm == Algorithm::kMd5) {
    for (int i = 0; i < 8; i++) tail[i] = uint8_t(bits_lo >> (8 * i));
  } else {
    for (size_t i = 0; i < 8; i++) tail[len_bytes - 1 - i] = uint8_t(bits_lo >> (8 * i));
    if (len_bytes == 16)
      for (size_t i = 0; i < 8; i++) tail[7 - i] = uint8_t(bits_hi >> (8 * i));
  }
  update(&s, pad, padlen);
  update(&s, tail, len_bytes);
  int n = digest_size(s.algorithm);
  for (int i = 0; i < n; i++) {
    if (s.algorithm == Algorithm::kMd5) {
      out[i] = uint8_t(s.h[i / 4] >> (8 * (i % 4)));
    } else if (bs == 64) {
      out[i] = uint8_t(s.h[i / 4] >> (8 * (3 - i % 4)));
    } else {
      out[i] = uint8_t(s.h[i / 8] >> (8 * (7 - i % 8)));
    }
  }
}

}  // namespace pyrite::python::hashes
