// Correctly rounded assembly of a double from a wide binary significand. See
// docs/runtime.md, "Numbers".
//
// Invariant: the kept bits are those at or above L = max(top - 52, -1074),
// where 2^top is the value's leading bit; everything below L decides the
// rounding (half bit, then the other dropped bits plus sticky).
#include "python/runtime/float_compose.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace pyrite::python::runtime {

bool compose_double(uint64_t m, bool sticky, int64_t e, double* out) {
  if (m == 0) {
    *out = 0.0;
    return true;
  }
  int n = 64 - std::countl_zero(m);
  int64_t top = n - 1 + e;
  if (top > 1023) return false;
  if (top < -1100) {  // far below half the smallest subnormal
    *out = 0.0;
    return true;
  }
  int64_t low = std::max<int64_t>(top - 52, -1074);
  int64_t drop = low - e;
  uint64_t q;
  if (drop <= 0) {
    q = m;  // exact: at most 53 significant bits
    *out = std::ldexp(static_cast<double>(q), static_cast<int>(e));
    return !std::isinf(*out);
  }
  using u128 = unsigned __int128;
  u128 wide = m;
  q = drop >= 128 ? 0 : static_cast<uint64_t>(wide >> drop);
  u128 rem = drop >= 128 ? wide : wide & ((static_cast<u128>(1) << drop) - 1);
  u128 half = drop > 128 ? 0 : static_cast<u128>(1) << (drop - 1);
  bool up = false;
  if (drop <= 128) {
    if (rem > half) up = true;
    else if (rem == half) up = sticky || (q & 1);
  }
  q += up;
  *out = std::ldexp(static_cast<double>(q), static_cast<int>(low));
  return !std::isinf(*out);
}

}  // namespace pyrite::python::runtime
