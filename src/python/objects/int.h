// int: small ints live in the Value itself (value.h); larger ones are BigInt
// objects holding GMP limbs inline (docs/objects.md, "int").
//
// Canonical form: an int in the small range is always a tagged Value, never
// a BigInt, so `is_small` decides the representation and equal small ints
// are identical words. bool is a subclass whose two instances are objects
// (True/False), so int operations accept them through int_value_of().
#pragma once

#include <gmp.h>

#include <optional>

#include "python/objects/object.h"

namespace pyrite::python {

struct BigInt : Object {
  int32_t size;       // limbs used; negative for negative numbers (mpz's _mp_size)
  int32_t capacity;
  // mp_limb_t limbs[capacity] follows
  mp_limb_t* limbs() { return reinterpret_cast<mp_limb_t*>(this + 1); }
  const mp_limb_t* limbs() const { return reinterpret_cast<const mp_limb_t*>(this + 1); }
};

extern gc::LayoutId kBigIntLayout;

// An int or subclass instance, bools included.
inline bool is_int(Value v) { return v.is_small() || type_of(v)->has_flag(TypeFlag::kIntSubclass); }
inline bool is_exact_int(Value v) { return v.is_small() || v.object()->type == types::int_; }

// Construction: small when it fits.
Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
Value int_from_mpz(mpz_srcptr z);  // copies the limbs; null + MemoryError
// Read-only mpz view of any int value (bool and int subclasses included);
// `scratch` backs small ints. The view is valid while `v` is alive.
mpz_srcptr int_as_mpz(Value v, mpz_t scratch);
// The value if it fits in int64.
std::optional<int64_t> int_to_i64(Value v);
int int_sign(Value v);
// `v` as int64 or OverflowError "Python int too large to convert to C ssize_t"-style message.
bool int_to_index(Value v, int64_t* out);
// For bool and int subclasses: the plain int value (a small int or BigInt).
Value int_exact(Value v);

// Number protocol implementations (slots of int, also called directly by
// the interpreter's slow paths).
Value int_binary(BinaryOp op, Value a, Value b);
Value int_compare(Value a, Value b, CompareOp op);
Value int_repr(Value v);
int64_t int_hash(Value v);

}  // namespace pyrite::python
