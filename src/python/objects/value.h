// Value: one 64-bit word, a tagged small int, an immediate float, or a
// pointer to a heap object (docs/objects.md, "Values").
//
//   63                                                        2   1   0
//   +-----------------------------------------------------------+---+---+
//   |                 signed 63-bit integer                          | 1 |  small int
//   +-----------------------------------------------------------+---+---+
//   |        float: exponent-9 | mantissa-52 | sign              | 1 | 0 |  immediate float
//   +-----------------------------------------------------------+---+---+
//   |        object address (16-byte aligned, low 4 bits 0)     | 0 | 0 |  object
//   +-----------------------------------------------------------+---+---+
//   all zero: the null value (an empty local, a NULL stack slot, "error")
//
// Ints outside [kSmallMin, kSmallMax] are BigInt objects; an int that fits
// is always small (canonical form), so equal ints have equal words only
// when small.
//
// Immediate floats (the 64-bit Spur Smalltalk VM's scheme): an exact float
// whose binary exponent lies in [-255, 256] (magnitudes 2^-255 .. 2^257),
// or a zero, lives in the word itself. The double's bits are rotated left
// by one (the sign becomes bit 0, the 11-bit exponent the top bits), the
// window's lowest exponent is subtracted so the exponent fits in 9 bits,
// and the result is shifted over the tag. A payload of 0 or 1 (only a
// sign) stands for +0.0 / -0.0, which is why decoding adds the offset only
// to payloads above 1 and the one double that would encode to them
// (±2^-255 with a zero mantissa) stays boxed. Every other float (nan, ±inf,
// subnormals, huge and tiny magnitudes) is a boxed exact `float`; float
// subclass instances are always objects. An exact float that can be
// immediate always is (float_new), so equal such floats are `is`-identical.
#pragma once

#include <bit>
#include <cstdint>

#include "base/check.h"

namespace pyrite::python {

struct Object;

class Value {
 public:
  static constexpr int64_t kSmallMax = (int64_t(1) << 62) - 1;
  static constexpr int64_t kSmallMin = -(int64_t(1) << 62);

  constexpr Value() = default;
  // Implicit from objects: every Object* is a Value.
  Value(const Object* o) : bits_(reinterpret_cast<uint64_t>(o)) {}  // NOLINT

  static constexpr Value from_bits(uint64_t bits) {
    Value v;
    v.bits_ = bits;
    return v;
  }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallMin && i <= kSmallMax; }
  // A small int; the caller has checked fits_small.
  static constexpr Value small(int64_t i) {
    return from_bits((static_cast<uint64_t>(i) << 1) | 1);
  }
  static constexpr Value null() { return Value(); }

  // The immediate float of d, or null when d must be boxed.
  static constexpr Value immediate_float(double d) {
    uint64_t r = std::rotl(std::bit_cast<uint64_t>(d), 1);
    uint64_t p = r - kFloatOffset;
    if (p - 2 < kFloatWindow - 2) return from_bits((p << 2) | kFloatTag);
    if (r <= 1) return from_bits((r << 2) | kFloatTag);  // ±0.0
    return null();
  }

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small() const { return (bits_ & 1) != 0; }
  constexpr bool is_immediate_float() const { return (bits_ & 3) == kFloatTag; }
  // Not null, not a small int, not an immediate float.
  constexpr bool is_object() const { return bits_ != 0 && (bits_ & 3) == 0; }
  constexpr int64_t small_value() const { return static_cast<int64_t>(bits_) >> 1; }
  constexpr double immediate_float_value() const {
    uint64_t p = bits_ >> 2;
    p += p > 1 ? kFloatOffset : 0;
    return std::bit_cast<double>(std::rotr(p, 1));
  }
  Object* object() const {
    check_object();
    return reinterpret_cast<Object*>(bits_);
  }
  template <class T>
  T* as() const {
    check_object();
    return reinterpret_cast<T*>(bits_);
  }

  // Identity (Python's `is`).
  constexpr bool is(Value o) const { return bits_ == o.bits_; }
  friend constexpr bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }

 private:
  static constexpr uint64_t kFloatTag = 2;
  // Rotated doubles whose biased exponent is in [768, 1279] (unbiased
  // [-255, 256]) are those with r - kFloatOffset < kFloatWindow.
  static constexpr uint64_t kFloatOffset = uint64_t(1023 - 255) << 53;
  static constexpr uint64_t kFloatWindow = uint64_t(1) << 62;

  // object() and as<T>() of a small int or an immediate float is a bug;
  // null passes (optional fields read as a null pointer).
  constexpr void check_object() const { PYR_DCHECK((bits_ & 3) == 0); }

  uint64_t bits_ = 0;
};
static_assert(sizeof(Value) == 8);

}  // namespace pyrite::python
