// Python's numeric hash modulo P = 2^61 - 1. See docs/runtime.md, "Numbers".
//
// A finite double is m * 2^e with m a 53-bit integer; since 2^61 == 1 (mod P),
// multiplying by 2^k mod P is a 61-bit rotation by k mod 61, so no wide
// arithmetic is needed.
#include "python/runtime/num_hash.h"

#include <cmath>

namespace pyrite::python::runtime {

int64_t finish_numeric_hash(bool negative, uint64_t magnitude_mod) {
  int64_t h = static_cast<int64_t>(magnitude_mod);
  if (negative) h = -h;
  return h == -1 ? -2 : h;
}

int64_t hash_double(double x) {
  if (std::isnan(x)) return 0;
  if (std::isinf(x)) return x > 0 ? kHashInf : -kHashInf;
  int e2;
  double frac = std::frexp(std::fabs(x), &e2);  // |x| = frac * 2^e2, frac in [0.5, 1)
  uint64_t m = static_cast<uint64_t>(std::ldexp(frac, 53));  // exact
  int64_t e = static_cast<int64_t>(e2) - 53;
  int k = static_cast<int>(((e % kHashBits) + kHashBits) % kHashBits);
  uint64_t h = m % kHashModulus;
  if (k != 0) h = ((h << k) & kHashModulus) | (h >> (kHashBits - k));
  if (h == kHashModulus) h = 0;
  return finish_numeric_hash(std::signbit(x), h);
}

int64_t hash_int64(int64_t v) {
  uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return finish_numeric_hash(v < 0, mag % kHashModulus);
}

}  // namespace pyrite::python::runtime
