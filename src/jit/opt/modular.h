// Arithmetic modulo 2^w, shared by the passes that solve counted loops
// (counted.cpp, summary.cpp).
#pragma once

#include <bit>
#include <cstdint>

namespace pyrite::jit::opt {

// 2^width - 1 (all ones at width 64).
inline uint64_t mask_of(int width) { return width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1; }

// The width of a mask 2^w - 1 (w >= 1), or -1.
inline int mask_width(uint64_t m) { return m != 0 && (m & (m + 1)) == 0 ? std::popcount(m) : -1; }

// The inverse of odd `c` modulo 2^64 (Newton's iteration doubles the
// correct low bits: 3 -> 6 -> ... -> 96).
inline uint64_t odd_inverse(uint64_t c) {
  uint64_t x = c;  // right to 3 bits for any odd c
  for (int k = 0; k < 5; k++) x *= 2 - c * x;
  return x;
}

}  // namespace pyrite::jit::opt
