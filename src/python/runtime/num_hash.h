// Python's numeric hash: hash(x) == hash(y) whenever x == y across int,
// float (and later Fraction/Decimal), computed modulo the prime 2^61 - 1.
// See docs/runtime.md, "Numbers".
#pragma once

#include <cstdint>

namespace pyrite::python::runtime {

inline constexpr int kHashBits = 61;
inline constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;
inline constexpr int64_t kHashInf = 314159;

// hash(float): inf -> 314159, -inf -> -314159; nan has no numeric hash (the
// caller uses the object's identity hash), this returns 0 for it.
int64_t hash_double(double x);

// hash(int) for a machine integer; -1 becomes -2 as in CPython.
int64_t hash_int64(int64_t v);

// sign * (magnitude mod 2^61-1), with -1 mapped to -2: the last step of
// every numeric hash.
int64_t finish_numeric_hash(bool negative, uint64_t magnitude_mod);

}  // namespace pyrite::python::runtime
