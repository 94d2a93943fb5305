// Value: one 64-bit word, a tagged small int or a pointer to a heap object
// (docs/objects.md, "Values").
//
//   63                                                            1   0
//   +---------------------------------------------------------------+---+
//   |                 signed 63-bit integer                          | 1 |  small int
//   +---------------------------------------------------------------+---+
//   |            object address (16-byte aligned, low 4 bits 0)      | 0 |  object
//   +---------------------------------------------------------------+---+
//   all zero: the null value (an empty local, a NULL stack slot, "error")
//
// Ints outside [kSmallMin, kSmallMax] are BigInt objects; an int that fits
// is always small (canonical form), so equal ints have equal words only
// when small. Floats are boxed; the JIT removes the boxes.
#pragma once

#include <cstdint>

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

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small() const { return (bits_ & 1) != 0; }
  constexpr bool is_object() const { return bits_ != 0 && (bits_ & 1) == 0; }
  constexpr int64_t small_value() const { return static_cast<int64_t>(bits_) >> 1; }
  Object* object() const { return reinterpret_cast<Object*>(bits_); }
  template <class T>
  T* as() const { return reinterpret_cast<T*>(bits_); }

  // Identity (Python's `is`).
  constexpr bool is(Value o) const { return bits_ == o.bits_; }
  friend constexpr bool operator==(Value a, Value b) { return a.bits_ == b.bits_; }

 private:
  uint64_t bits_ = 0;
};
static_assert(sizeof(Value) == 8);

}  // namespace pyrite::python
