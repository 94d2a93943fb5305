// int: small ints live in the Value itself (value.h); larger ones are BigInt
// objects holding GMP limbs inline (docs/objects.md, "Numbers").
//
// Canonical form: an exact int in the small range is always a tagged Value,
// never a BigInt, so `is_small` decides the representation and equal small
// ints are identical words. bool is a subclass whose two instances are
// BigInt-shaped objects (True/False), as are int-subclass instances, so int
// operations accept them through int_exact() / int_as_mpz().
#pragma once

#include <gmp.h>

#include <optional>
#include <string_view>

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
inline bool is_exact_int(Value v) {
  return v.is_small() || (v.is_object() && v.object()->type == types::int_);
}

// Construction: small when it fits.
Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
Value int_from_mpz(mpz_srcptr z);  // copies the limbs; null + MemoryError
// A literal's decimal digits (the parser checked them): the int they spell.
Value int_from_decimal_digits(std::string_view digits);
// Read-only mpz view of any int value (bool and int subclasses included);
// `scratch` backs small ints: the caller mpz_init's and mpz_clear's it. The
// view is valid while `v` is alive and scratch is unchanged.
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

// ---- additions (numbers engineer) ----------------------------------------------

// Instances of bool and of int subclasses are BigInt-shaped too, even for
// small values (True is a BigInt of one limb): int_as_mpz reads every
// non-small int the same way, and heap subclasses get their InstanceAttrs
// after the limbs (type.h, alloc_var_instance).

// sys.get_int_max_str_digits() / set_int_max_str_digits(): the decimal-digit
// limit of int <-> str conversions in bases that are not powers of two (0 =
// no limit). sys validates new values (0 or >= 640) before setting them.
size_t int_max_str_digits();
void set_int_max_str_digits(size_t n);

// The int value of a double, truncated toward zero. ValueError "cannot
// convert float NaN to integer", OverflowError "cannot convert float
// infinity to integer".
Value int_from_double(double d);
// float(v) for an int value, correctly rounded; OverflowError "int too
// large to convert to float".
bool int_to_double(Value v, double* out);
// An instance of `type` (int or a subclass) with the value of the int `v`:
// int_exact(v) for int itself, a BigInt-shaped subclass instance otherwise.
Value int_new_of_type(Type* type, Value v);
// int(s, base) for a str (Unicode digits and spaces allowed); ValueError
// "invalid literal for int() with base 10: 'abc'". base: 0 or 2..36.
Value int_from_str(Str* s, int base);
// format(v, spec) for an int value (spec: the UTF-8 format spec).
Value int_format(Value v, std::string_view spec);
// Rich comparison of an int with a double, exact for every pair (huge ints,
// inf, nan): <0, 0, >0, or 2 when unordered (nan).
int int_compare_double(Value i, double d);

void init_int();
void init_bool();

}  // namespace pyrite::python
