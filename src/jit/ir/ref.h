// Ref: an operand of the trace IR (docs/jit.md, "IR").
//
//   31 30 29                                 0
//  +-----+------------------------------------+
//  | tag |               index                |
//  +-----+------------------------------------+
//   tag 0: a value, the result of op `index` (inputargs are ops too)
//   tag 1: a constant, entry `index` of the trace's constant pool
//   tag 2: a virtual object of the snapshot table (snapshot entries only)
//   tag 3: none (all ones)
#pragma once

#include <cstdint>

namespace pyrite::jit::ir {

class Ref {
 public:
  enum class Kind : uint8_t { kValue = 0, kConst = 1, kVirtual = 2, kNone = 3 };
  static constexpr uint32_t kMaxIndex = (1u << 30) - 1;

  constexpr Ref() : bits_(0xFFFFFFFFu) {}
  static constexpr Ref value(uint32_t i) { return Ref(i); }
  static constexpr Ref constant(uint32_t i) { return Ref((1u << 30) | i); }
  static constexpr Ref virt(uint32_t i) { return Ref((2u << 30) | i); }
  static constexpr Ref from_bits(uint32_t b) { return Ref(b); }

  constexpr Kind kind() const { return static_cast<Kind>(bits_ >> 30); }
  constexpr uint32_t index() const { return bits_ & kMaxIndex; }
  constexpr uint32_t bits() const { return bits_; }
  constexpr bool is_value() const { return kind() == Kind::kValue; }
  constexpr bool is_const() const { return kind() == Kind::kConst; }
  constexpr bool is_virtual() const { return kind() == Kind::kVirtual; }
  constexpr bool is_none() const { return bits_ == 0xFFFFFFFFu; }
  constexpr bool operator==(const Ref&) const = default;

 private:
  explicit constexpr Ref(uint32_t b) : bits_(b) {}
  uint32_t bits_;
};

}  // namespace pyrite::jit::ir
