// What a language declares once, at compile time, for the two execution
// contexts to share (docs/jit.md, "The execution-context contract"): the
// memory it loads and stores (ArraySpec, FieldSpec), the runtime functions
// it calls (CallSpec) and the objects it allocates (SizeSpec). The concrete
// context reads the layout as constants and compiles to plain machine
// operations; the tracing context turns a spec into an IR descriptor,
// interned by name in the JIT's DescrTable.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "jit/ir/types.h"

namespace pyrite::jit::trace {

// The IR type of a C++ value crossing the contract: integers (and raw
// addresses as uintptr_t) are ints, doubles floats, object pointers refs.
template <class T>
constexpr ir::Type ir_type_of() {
  if constexpr (std::is_same_v<T, void>) return ir::Type::kVoid;
  else if constexpr (std::is_same_v<T, double>) return ir::Type::kFloat;
  else if constexpr (std::is_pointer_v<T>) return ir::Type::kRef;
  else {
    static_assert(std::is_integral_v<T> || std::is_enum_v<T>, "unsupported type at the contract");
    return ir::Type::kInt;
  }
}

// A C++ value to its 64-bit word (sign- or zero-extended) and back.
template <class T>
inline uint64_t to_word(T v) {
  if constexpr (std::is_same_v<T, double>) {
    uint64_t w;
    std::memcpy(&w, &v, 8);
    return w;
  } else if constexpr (std::is_pointer_v<T>) {
    return reinterpret_cast<uint64_t>(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    return v ? 1 : 0;
  } else if constexpr (std::is_signed_v<T>) {
    return static_cast<uint64_t>(static_cast<int64_t>(v));
  } else {
    return static_cast<uint64_t>(v);
  }
}
template <class T>
inline T from_word(uint64_t w) {
  if constexpr (std::is_same_v<T, double>) {
    double d;
    std::memcpy(&d, &w, 8);
    return d;
  } else if constexpr (std::is_pointer_v<T>) {
    return reinterpret_cast<T>(w);
  } else if constexpr (std::is_same_v<T, bool>) {
    return w != 0;
  } else {
    return static_cast<T>(w);
  }
}

// Items of type T at base + offset + index * sizeof(T). `gc`: the base is a
// GC object (a ref) rather than raw memory (an int address).
template <class T>
struct ArraySpec {
  using Item = T;
  const char* name;
  int32_t offset = 0;
  bool gc = false;
  uint8_t flags = 0;  // ir::DescrFlag
};

// A T at base + offset. Immutable fields of a constant object fold to
// constants while tracing (RPython's _immutable_fields_).
template <class T>
struct FieldSpec {
  using Item = T;
  const char* name;
  int32_t offset = 0;
  bool gc = true;
  uint8_t flags = 0;  // ir::DescrFlag
};

// A runtime function the handlers call. `effects` are declared, never
// inferred (STYLE.md habit 2): effect::kPure for elidable functions (folded
// when every argument is a constant), kWritesHeap for anything observable
// (I/O included), kMayRaise, kCallsArbitrary, kCanCollect, ...
template <class R, class... A>
struct CallSpec {
  const char* name;
  R (*fn)(A...);
  ir::Effects effects;
};
template <class R, class... A>
constexpr CallSpec<R, A...> residual(const char* name, R (*fn)(A...), ir::Effects effects) {
  return CallSpec<R, A...>{name, fn, effects};
}

// An allocation of `size` bytes; `allocate` is the language's allocator,
// which the concrete context calls, the tracing context calls and records
// as `new`, and the IR interpreter calls when it runs the `new` op.
struct SizeSpec {
  const char* name;
  uint32_t size;
  uint64_t class_value = 0;
  uint64_t (*allocate)(uint32_t size, uint64_t class_value) = nullptr;
};

}  // namespace pyrite::jit::trace
