// int: tagged small ints and GMP-backed BigInts with CPython 3.11's
// semantics (docs/objects.md, "Numbers").
//
// Invariants: an int in [kSmallMin, kSmallMax] is always a tagged Value
// (int_from_mpz canonicalizes), and every heap object of an int type (int,
// bool, subclasses) is BigInt-shaped, so one mpz view (IntView) reads them
// all. GMP works on temporaries (mpz_t, freed on scope exit) and read-only
// views of the limbs (mpz_roinit_n); results are copied into a new BigInt,
// so no GC object ever holds malloc'ed GMP memory.
#include "python/modules/codecs_module.h"  // issue_warning
#include "python/objects/int.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "python/objects/bytes.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/init.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/bigint.h"
#include "python/runtime/float_arith.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/num_hash.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

gc::LayoutId kBigIntLayout = gc::kNoLayout;

static size_t g_max_str_digits = runtime::bigint::kDefaultMaxStrDigits;
size_t int_max_str_digits() { return g_max_str_digits; }
void set_int_max_str_digits(size_t n) { g_max_str_digits = n; }

namespace bi = runtime::bigint;

namespace {

// ---- mpz views and temporaries ---------------------------------------------------

// A read-only mpz of any int value, without allocating: small ints use the
// inline limb. Not copyable (the mpz points into the object).
class IntView {
 public:
  explicit IntView(Value v) {
    if (v.is_small()) {
      int64_t i = v.small_value();
      limb_ = i < 0 ? mp_limb_t(0) - mp_limb_t(i) : mp_limb_t(i);
      mpz_roinit_n(z_, &limb_, i == 0 ? 0 : (i < 0 ? -1 : 1));
    } else {
      auto* b = v.as<BigInt>();
      mpz_roinit_n(z_, b->limbs(), b->size);
    }
  }
  IntView(const IntView&) = delete;
  IntView& operator=(const IntView&) = delete;
  mpz_srcptr get() const { return z_; }
  operator mpz_srcptr() const { return z_; }  // NOLINT

 private:
  mp_limb_t limb_ = 0;
  mpz_t z_;
};

// An owned GMP temporary.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }  // NOLINT
  operator mpz_srcptr() const { return z; }  // NOLINT
};

constexpr int64_t kExact53 = int64_t(1) << 53;

size_t bigint_size(const void* obj) {
  auto* b = static_cast<const BigInt*>(obj);
  return sizeof(BigInt) + size_t(b->capacity) * sizeof(mp_limb_t);
}

void trace_bigint(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

BigInt* alloc_bigint(Type* type, int32_t limbs) {
  size_t bytes = sizeof(BigInt) + size_t(limbs) * sizeof(mp_limb_t);
  BigInt* b;
  if (type == types::int_ || type == types::bool_)
    b = try_allocate<BigInt>(kBigIntLayout, type, bytes);
  else
    b = alloc_var_instance<BigInt>(type, bytes);  // heap subclass: attrs tail
  if (!b) {
    if (!has_error()) raise_memory_error();
    return nullptr;
  }
  b->capacity = limbs;
  return b;
}

Value raise_num_error(const runtime::NumError& e) {
  switch (e.kind) {
    case runtime::NumError::kOverflowError: return raise(exc::OverflowError, e.message);
    case runtime::NumError::kZeroDivisionError: return raise(exc::ZeroDivisionError, e.message);
    case runtime::NumError::kTypeError: return raise(exc::TypeError, e.message);
    case runtime::NumError::kMemoryError: return raise_memory_error();
    default: return raise(exc::ValueError, e.message);
  }
}

Value checked(const runtime::NumError& e, mpz_srcptr r) {
  if (!e.ok()) return raise_num_error(e);
  return int_from_mpz(r);
}

}  // namespace

// ---- construction and conversion ------------------------------------------------

Value int_from_i64(int64_t i) {
  if (Value::fits_small(i)) return Value::small(i);
  BigInt* b = alloc_bigint(types::int_, 1);
  if (!b) return {};
  b->limbs()[0] = i < 0 ? mp_limb_t(0) - mp_limb_t(i) : mp_limb_t(i);
  b->size = i < 0 ? -1 : 1;
  return b;
}

Value int_from_u64(uint64_t u) {
  if (u <= uint64_t(Value::kSmallMax)) return Value::small(int64_t(u));
  BigInt* b = alloc_bigint(types::int_, 1);
  if (!b) return {};
  b->limbs()[0] = u;
  b->size = 1;
  return b;
}

Value int_from_decimal_digits(std::string_view digits) {
  std::string text(digits);
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, text.c_str(), 10);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value int_from_mpz(mpz_srcptr z) {
  int size = z->_mp_size;
  if (size == 0) return Value::small(0);
  if (size == 1 && z->_mp_d[0] <= uint64_t(Value::kSmallMax)) return Value::small(int64_t(z->_mp_d[0]));
  if (size == -1 && z->_mp_d[0] <= uint64_t(1) << 62) return Value::small(-int64_t(z->_mp_d[0]));
  int32_t n = size < 0 ? -size : size;
  BigInt* b = alloc_bigint(types::int_, n);
  if (!b) return {};
  std::memcpy(b->limbs(), z->_mp_d, size_t(n) * sizeof(mp_limb_t));
  b->size = size;
  return b;
}

mpz_srcptr int_as_mpz(Value v, mpz_t scratch) {
  if (v.is_small()) {
    mpz_set_si(scratch, v.small_value());
    return scratch;
  }
  // A copy: the caller clears scratch, so it must own its limbs.
  IntView view(v);
  mpz_set(scratch, view);
  return scratch;
}

std::optional<int64_t> int_to_i64(Value v) {
  if (v.is_small()) return v.small_value();
  auto* b = v.as<BigInt>();
  if (b->size == 0) return 0;
  if (b->size == 1 && b->limbs()[0] <= uint64_t(INT64_MAX)) return int64_t(b->limbs()[0]);
  if (b->size == -1 && b->limbs()[0] <= uint64_t(1) << 63) return int64_t(0 - b->limbs()[0]);
  return std::nullopt;
}

int int_sign(Value v) {
  if (v.is_small()) return v.small_value() < 0 ? -1 : v.small_value() > 0;
  int32_t s = v.as<BigInt>()->size;
  return s < 0 ? -1 : s > 0;
}

bool int_to_index(Value v, int64_t* out) {
  auto i = int_to_i64(v);
  if (!i) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = *i;
  return true;
}

Value int_exact(Value v) {
  if (is_exact_int(v)) return v;
  IntView z(v);
  return int_from_mpz(z);
}

Value int_new_of_type(Type* type, Value v) {
  if (type == types::int_) return int_exact(v);
  IntView z(v);
  int size = z.get()->_mp_size;
  int32_t n = size < 0 ? -size : size;
  BigInt* b = alloc_bigint(type, n);
  if (!b) return {};
  std::memcpy(b->limbs(), z.get()->_mp_d, size_t(n) * sizeof(mp_limb_t));
  b->size = size;
  return b;
}

Value int_from_double(double d) {
  if (std::isnan(d)) return raise(exc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(exc::OverflowError, "cannot convert float infinity to integer");
  if (std::fabs(d) < 4611686018427387904.0) return Value::small(static_cast<int64_t>(d));
  Mpz z;
  mpz_set_d(z, d);
  return int_from_mpz(z);
}

bool int_to_double(Value v, double* out) {
  if (v.is_small()) {
    *out = static_cast<double>(v.small_value());  // rounds to nearest, ties to even
    return true;
  }
  IntView z(v);
  auto r = bi::to_double(z);
  if (!r.ok()) {
    raise_num_error(r.error);
    return false;
  }
  *out = r.value;
  return true;
}

int int_compare_double(Value i, double d) {
  if (std::isnan(d)) return 2;
  if (i.is_small()) {
    int64_t x = i.small_value();
    if (x >= -kExact53 && x <= kExact53) {
      double xd = double(x);
      return xd < d ? -1 : xd > d;
    }
  }
  IntView z(i);
  int c = mpz_cmp_d(z, d);  // exact, infinities included
  return c < 0 ? -1 : c > 0;
}

// ---- text ------------------------------------------------------------------------

Value int_repr(Value v) {
  if (v.is_small()) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v.small_value());
    return str_from_ascii(std::string_view(buf, size_t(r.ptr - buf)));
  }
  IntView z(v);
  auto r = bi::to_decimal(z, g_max_str_digits);
  if (!r.ok()) return raise_num_error(r.error);
  return str_from_ascii(r.value);
}

namespace {

// The repr of the original argument for "invalid literal" messages,
// truncated to 200 code points as CPython's %.200R does.
std::string literal_repr(Value original) {
  Value r = repr(original);
  if (!r) {
    clear_error();
    return "?";
  }
  std::string s = str_to_utf8(r.as<Str>());
  size_t cps = 0, i = 0;
  for (; i < s.size(); i++) {
    if ((uint8_t(s[i]) & 0xC0) != 0x80) {
      if (cps == 200) break;
      cps++;
    }
  }
  s.resize(i);
  return s;
}

// Parses ASCII text (Unicode already mapped) with int()'s rules.
Value parse_ascii(std::string_view text, int base, Value original) {
  Mpz z;
  runtime::NumError e = bi::parse_int(text, base, g_max_str_digits, z);
  if (e.ok()) return int_from_mpz(z);
  if (e.kind == runtime::NumError::kValueError && e.message.empty())
    return raise(exc::ValueError, bi::invalid_literal_message(base, literal_repr(original)));
  return raise_num_error(e);
}

}  // namespace

Value int_from_str(Str* s, int base) {
  // Non-ASCII digits and spaces become ASCII; the parser strips the ASCII
  // whitespace " \t\n\v\f\r" (not \x1c-\x1f, as CPython).
  std::string ascii;
  ascii.reserve(size_t(s->length));
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c < 128) {
      ascii.push_back(char(c));
      continue;
    }
    int d = runtime::decimal_value(c);
    if (d >= 0) {
      ascii.push_back(char('0' + d));
    } else if (runtime::is_space(c)) {
      ascii.push_back(' ');
    } else {
      // Not a digit in any script: certainly invalid (still check the base).
      if (base != 0 && (base < 2 || base > 36)) break;
      return raise(exc::ValueError, bi::invalid_literal_message(base, literal_repr(s)));
    }
  }
  return parse_ascii(ascii, base, s);
}

Value int_format(Value v, std::string_view spec) {
  std::string tn = type_name(v);
  auto parsed = runtime::parse_format_spec(spec, tn, 'd', '>');
  if (!parsed.ok()) return raise_num_error(parsed.error);
  switch (parsed.value.type) {
    case 0: case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
    default: return raise_num_error(runtime::unknown_format_code(parsed.value.type, tn));
  }
  runtime::NumResult<std::string> r;
  if (auto i = int_to_i64(v)) {
    r = runtime::format_int(*i, parsed.value, tn);
  } else {
    IntView z(v);
    r = runtime::format_int(z.get(), parsed.value, g_max_str_digits, tn);
  }
  if (!r.ok()) return raise_num_error(r.error);
  return str_from_utf8(r.value);
}

// ---- arithmetic --------------------------------------------------------------------

int64_t int_hash(Value v) {
  if (v.is_small()) return runtime::hash_int64(v.small_value());
  IntView z(v);
  return bi::hash_mpz(z);
}

namespace {

Value int_shift(BinaryOp op, Value a, Value b) {
  if (int_sign(b) < 0) return raise(exc::ValueError, "negative shift count");
  auto n = int_to_i64(b);
  if (int_sign(a) == 0) return Value::small(0);
  if (!n) {
    if (op == BinaryOp::kLshift) return raise(exc::OverflowError, "too many digits in integer");
    return Value::small(int_sign(a) < 0 ? -1 : 0);
  }
  if (a.is_small()) {
    int64_t x = a.small_value();
    if (op == BinaryOp::kRshift) return Value::small(bi::rshift_i64(x, uint64_t(*n)));
    if (*n < 62) {
      __int128 r = static_cast<__int128>(x) << *n;
      if (r >= Value::kSmallMin && r <= Value::kSmallMax) return Value::small(int64_t(r));
    }
  }
  IntView za(a);
  Mpz r;
  runtime::NumError e = op == BinaryOp::kLshift ? bi::lshift(r, za, *n) : bi::rshift(r, za, *n);
  return checked(e, r);
}

// a ** b for ints without modulus; a negative exponent gives a float.
Value int_pow2(Value a, Value b) {
  if (int_sign(b) < 0) {
    double x, y;
    if (!int_to_double(a, &x) || !int_to_double(b, &y)) return {};
    auto r = runtime::float_pow(x, y);
    if (!r.ok()) return raise_num_error(r.error);
    return float_new(r.value.value);
  }
  IntView za(a);
  // Bases whose powers never grow.
  if (mpz_cmpabs_ui(za, 1) <= 0) {
    if (int_sign(a) == 0) return Value::small(int_sign(b) == 0 ? 1 : 0);
    if (int_sign(a) > 0) return Value::small(1);
    IntView zb(b);
    return Value::small(mpz_odd_p(zb.get()) ? -1 : 1);
  }
  auto e = int_to_i64(b);
  uint64_t bits = mpz_sizeinbase(za, 2);
  // Results past 2^37 bits are a MemoryError (as for <<): fail fast.
  if (!e || (*e > 0 && bits > (uint64_t(1) << 37) / uint64_t(*e))) return raise_memory_error();
  if (a.is_small()) {
    // Repeated squaring while the result stays in an int64.
    int64_t base = a.small_value(), result = 1;
    uint64_t n = uint64_t(*e);
    bool overflow = false;
    while (n) {
      if (n & 1) overflow |= __builtin_mul_overflow(result, base, &result);
      n >>= 1;
      if (n) overflow |= __builtin_mul_overflow(base, base, &base);
      if (overflow) break;
    }
    if (!overflow) return int_from_i64(result);
  }
  Mpz r;
  mpz_pow_ui(r, za, uint64_t(*e));
  return int_from_mpz(r);
}

Value int_binary_big(BinaryOp op, Value a, Value b) {
  IntView za(a), zb(b);
  Mpz r;
  switch (op) {
    case BinaryOp::kAdd: mpz_add(r, za, zb); break;
    case BinaryOp::kSub: mpz_sub(r, za, zb); break;
    case BinaryOp::kMul:
      // GMP aborts when malloc fails: refuse products past 2^37 bits first.
      if (mpz_sizeinbase(za, 2) + mpz_sizeinbase(zb, 2) > (uint64_t(1) << 37))
        return raise_memory_error();
      mpz_mul(r, za, zb);
      break;
    case BinaryOp::kAnd: mpz_and(r, za, zb); break;
    case BinaryOp::kOr: mpz_ior(r, za, zb); break;
    case BinaryOp::kXor: mpz_xor(r, za, zb); break;
    case BinaryOp::kFloorDiv: return checked(bi::floor_divide(r, za, zb), r);
    case BinaryOp::kMod: return checked(bi::modulo(r, za, zb), r);
    case BinaryOp::kTrueDiv: {
      auto d = bi::true_divide(za, zb);
      if (!d.ok()) return raise_num_error(d.error);
      return float_new(d.value);
    }
    default: return not_implemented();
  }
  return int_from_mpz(r);
}

}  // namespace

Value int_binary(BinaryOp op, Value a, Value b) {
  if (!is_int(a) || !is_int(b)) return not_implemented();
  switch (op) {
    case BinaryOp::kPow: return int_pow2(a, b);
    case BinaryOp::kLshift:
    case BinaryOp::kRshift: return int_shift(op, a, b);
    case BinaryOp::kMatMul: return not_implemented();
    default: break;
  }
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value(), r;
    switch (op) {
      case BinaryOp::kAdd: return int_from_i64(x + y);
      case BinaryOp::kSub: return int_from_i64(x - y);
      case BinaryOp::kMul:
        if (!__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
        break;
      case BinaryOp::kAnd: return Value::small(x & y);
      case BinaryOp::kOr: return Value::small(x | y);
      case BinaryOp::kXor: return Value::small(x ^ y);
      case BinaryOp::kFloorDiv:
        if (y == 0) return raise(exc::ZeroDivisionError, "integer division or modulo by zero");
        bi::floor_divide_i64(x, y, &r);
        return int_from_i64(r);
      case BinaryOp::kMod:
        if (y == 0) return raise(exc::ZeroDivisionError, "integer modulo by zero");
        return Value::small(bi::modulo_i64(x, y));
      case BinaryOp::kTrueDiv:
        if (y == 0) return raise(exc::ZeroDivisionError, "division by zero");
        if (x >= -kExact53 && x <= kExact53 && y >= -kExact53 && y <= kExact53)
          return float_new(double(x) / double(y));  // exact operands: one rounding
        break;
      default: break;
    }
  }
  return int_binary_big(op, a, b);
}

Value int_compare(Value a, Value b, CompareOp op) {
  if (!is_int(a) || !is_int(b)) return not_implemented();
  int c;
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    c = x < y ? -1 : x > y;
  } else {
    IntView za(a), zb(b);
    c = mpz_cmp(za, zb);
  }
  switch (op) {
    case CompareOp::kLt: return py_bool(c < 0);
    case CompareOp::kLe: return py_bool(c <= 0);
    case CompareOp::kEq: return py_bool(c == 0);
    case CompareOp::kNe: return py_bool(c != 0);
    case CompareOp::kGt: return py_bool(c > 0);
    case CompareOp::kGe: return py_bool(c >= 0);
  }
  return not_implemented();
}

namespace {

// ---- slots ---------------------------------------------------------------------------

template <BinaryOp kOp>
Value int_binary_slot(Value a, Value b) {
  return int_binary(kOp, a, b);
}

Value int_pow3(Value a, Value b, Value m) {
  if (is_none(m)) return int_binary(BinaryOp::kPow, a, b);
  if (!is_int(a) || !is_int(b) || !is_int(m)) return not_implemented();
  IntView za(a), zb(b), zm(m);
  Mpz r;
  return checked(bi::pow_mod(r, za, zb, zm), r);
}

Value int_neg(Value v) {
  if (v.is_small()) return int_from_i64(-v.small_value());
  IntView z(v);
  Mpz r;
  mpz_neg(r, z);
  return int_from_mpz(r);
}

Value int_pos(Value v) { return int_exact(v); }

Value int_invert(Value v) {
  if (v.is_small()) return Value::small(~v.small_value());
  IntView z(v);
  Mpz r;
  mpz_com(r, z);
  return int_from_mpz(r);
}

Value int_abs(Value v) { return int_sign(v) < 0 ? int_neg(v) : int_exact(v); }

int int_bool(Value v) { return int_sign(v) != 0; }

Value int_float(Value v) {
  double d;
  if (!int_to_double(v, &d)) return {};
  return float_new(d);
}

int64_t int_hash_slot(Value v) { return int_hash(v); }

// ---- __new__ ------------------------------------------------------------------------------

// int() of a bytes-like object (bytes, bytearray, memoryview, array.array:
// whatever get_buffer reads); the "invalid literal" message shows the
// bytes. Else the TypeError of int() of an unsupported type.
Value int_from_buffer(Value x, int base) {
  BufferView view;
  if (!get_buffer(x, &view)) {
    if (!has_error())
      raisef(exc::TypeError,
             "int() argument must be a string, a bytes-like object or a real number, not '%s'",
             type_name(x).c_str());
    return {};
  }
  std::string_view text(reinterpret_cast<const char*>(view.data), size_t(view.length));
  Value shown = x;
  if (!is_bytes(x) && !is_bytearray(x)) {
    shown = bytes_from(text);
    if (!shown) return {};
  }
  // Non-ASCII bytes and NULs are invalid; the parser sees them as such.
  return parse_ascii(text, base, shown);
}

Value int_from_object(Value x) {
  if (is_exact_int(x)) return x;  // subclasses may override __int__
  Type* t = type_of(x);
  if (t->slots.int_) {
    Value r = t->slots.int_(x);
    if (!r) return {};
    if (is_exact_int(r)) return r;
    if (!is_int(r))
      return raisef(exc::TypeError, "__int__ returned non-int (type %s)", type_name(r).c_str());
    if (!issue_warning(exc::DeprecationWarning,
                       "__int__ returned non-int (type " + type_name(r) + ").  " +
                           subclass_return_deprecated("int"),
                       1))
      return {};
    return int_exact(r);
  }
  if (t->slots.index) return index(x);
  bool found = false;
  Value trunc = lookup_special(x, names::__trunc__);
  if (trunc && !issue_warning(exc::DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.", 1))
    return {};
  Value r = trunc ? call_special(x, names::__trunc__, nullptr, 0, &found) : Value();
  if (found) {
    if (!r) return {};
    if (is_int(r)) return int_exact(r);
    Value i = lookup_special(r, names::__index__);
    if (!i)
      return raisef(exc::TypeError, "__trunc__ returned non-Integral (type %s)",
                    type_name(r).c_str());
    return index(r);
  }
  if (is_str(x)) return int_from_str(x.as<Str>(), 10);
  // Any exporter of the buffer protocol (array.array too); the TypeError
  // for the rest.
  return int_from_buffer(x, 10);
}

Value int_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "base", nullptr};
  Value x, base_v;
  if (!parse_args({"int", kNames, 0, 1}, args, nargs, kwnames, {&x, &base_v})) return {};
  Value r;
  if (!base_v) {
    if (!x) return int_new_of_type(type, Value::small(0));
    r = int_from_object(x);
  } else {
    if (!x) return raise(exc::TypeError, "int() missing string argument");
    Value bi_v = index(base_v);
    if (!bi_v) return {};
    auto b = int_to_i64(bi_v);
    if (!b || (*b != 0 && (*b < 2 || *b > 36)))
      return raise(exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (is_str(x))
      r = int_from_str(x.as<Str>(), int(*b));
    else if (is_bytes(x) || is_bytearray(x))
      r = int_from_buffer(x, int(*b));
    else
      return raise(exc::TypeError, "int() can't convert non-string with explicit base");
  }
  if (!r) return {};
  return int_new_of_type(type, r);
}

// ---- methods ------------------------------------------------------------------------------

Value int_self(Value self, const Value*, size_t, Tuple*) { return int_exact(self); }

Value int_bit_length(Value self, const Value*, size_t, Tuple*) {
  IntView z(self);
  return int_from_u64(bi::bit_length(z));
}

Value int_bit_count(Value self, const Value*, size_t, Tuple*) {
  IntView z(self);
  return int_from_u64(bi::bit_count(z));
}

Value int_as_integer_ratio(Value self, const Value*, size_t, Tuple*) {
  Value n = int_exact(self);
  if (!n) return {};
  return tuple_of({n, Value::small(1)});
}

Value int_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Value n = int_exact(self);
  if (!n) return {};
  return tuple_of({n});
}

Value int_round(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__round__", nargs, 0, 1)) return {};
  if (nargs == 0) return int_exact(self);
  Value nd = index(args[0]);
  if (!nd) return {};
  if (int_sign(nd) >= 0) return int_exact(self);
  IntView z(self);
  auto n = int_to_i64(nd);
  size_t digits = mpz_sizeinbase(z, 10);
  if (!n || uint64_t(-(*n + 1)) >= digits + 1) return Value::small(0);
  // Round half to even to a multiple of 10**-n.
  Mpz p, q, r, twice;
  mpz_ui_pow_ui(p, 10, uint64_t(-*n));
  mpz_fdiv_qr(q, r, z, p);
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q.z))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  return int_from_mpz(q);
}

Value int_format_method(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "__format__() argument must be str, not %s",
                  type_name(args[0]).c_str());
  Str* spec = args[0].as<Str>();
  if (spec->length == 0) return str_of(self);
  return int_format(self, str_to_utf8(spec));
}

Value int_divmod(Value self, const Value* args, size_t, Tuple*) {
  Value a = self, b = args[0];
  if (!is_int(b)) return not_implemented();
  IntView za(a), zb(b);
  Mpz q, r;
  runtime::NumError e = bi::divmod(q, r, za, zb);
  if (!e.ok()) return raise_num_error(e);
  Value qv = int_from_mpz(q);
  if (!qv) return {};
  Value rv = int_from_mpz(r);
  if (!rv) return {};
  return tuple_of({qv, rv});
}

Value int_rdivmod(Value self, const Value* args, size_t, Tuple*) {
  if (!is_int(args[0])) return not_implemented();
  Value swapped[1] = {self};
  return int_divmod(args[0], swapped, 1, nullptr);
}

// byteorder of to_bytes/from_bytes: 0 big, 1 little, -1 error.
int parse_byteorder(Value v, const char* fname) {
  if (!v) return 0;
  if (!is_str(v)) {
    raisef(exc::TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
           type_name(v).c_str());
    return -1;
  }
  std::string s = str_to_utf8(v.as<Str>());
  if (s == "big") return 0;
  if (s == "little") return 1;
  raise(exc::ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

Value int_to_bytes(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"length", "byteorder", "signed", nullptr};
  Value length_v, order_v, signed_v;
  if (nargs > 3)  // Argument Clinic's wording when even keywords could not take them
    return raisef(exc::TypeError, "to_bytes() takes at most 3 arguments (%zu given)", nargs);
  if (!parse_args({"to_bytes", kNames, 0, 0, 2}, args, nargs, kwnames,
                  {&length_v, &order_v, &signed_v}))
    return {};
  int64_t length = 1;
  if (length_v) {
    Value l = index(length_v);
    if (!l || !int_to_index(l, &length)) return {};
  }
  if (length < 0) return raise(exc::ValueError, "length argument must be non-negative");
  int order = parse_byteorder(order_v, "to_bytes");
  if (order < 0) return {};
  int is_signed = signed_v ? truth(signed_v) : 0;
  if (is_signed < 0) return {};
  IntView z(self);
  std::vector<uint8_t> out;
  runtime::NumError e = bi::to_bytes(z, size_t(length), order == 1, is_signed != 0, &out);
  if (!e.ok()) return raise_num_error(e);
  Bytes* b = bytes_from(reinterpret_cast<const char*>(out.data()), out.size());
  if (!b) return {};
  return b;
}

Value int_from_bytes(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"bytes", "byteorder", "signed", nullptr};
  Value data_v, order_v, signed_v;
  if (nargs > 3)  // Argument Clinic's wording when even keywords could not take them
    return raisef(exc::TypeError, "from_bytes() takes at most 3 arguments (%zu given)", nargs);
  if (!parse_args({"from_bytes", kNames, 1, 0, 2}, args, nargs, kwnames,
                  {&data_v, &order_v, &signed_v}))
    return {};
  int order = parse_byteorder(order_v, "from_bytes");
  if (order < 0) return {};
  int is_signed = signed_v ? truth(signed_v) : 0;
  if (is_signed < 0) return {};
  Value data = data_v;
  if (is_str(data) || (!is_bytes(data) && is_int(data)))
    return raisef(exc::TypeError, "cannot convert '%s' object to bytes", type_name(data).c_str());
  if (!is_bytes(data)) {
    data = type_call(types::bytes, &data_v, 1, nullptr);
    if (!data) return {};
  }
  std::string_view view = data.as<Bytes>()->view();
  Mpz z;
  bi::from_bytes(z, reinterpret_cast<const uint8_t*>(view.data()), view.size(), order == 1,
                 is_signed != 0);
  Value r = int_from_mpz(z);
  if (!r) return {};
  if (cls.is(Value(types::int_))) return r;
  return call1(cls, r);
}

Value int_sizeof(Value self, const Value*, size_t, Tuple*) {
  // CPython's layout: 24 bytes of header plus one 4-byte digit per 30 bits
  // (at least one).
  IntView z(self);
  uint64_t bits = mpz_sgn(z.get()) == 0 ? 0 : mpz_sizeinbase(z, 2);
  uint64_t digits = bits == 0 ? 1 : (bits + 29) / 30;
  return int_from_u64(24 + 4 * digits);
}

// ---- getters ----------------------------------------------------------------------------

Value int_get_self(Value self) { return int_exact(self); }
Value int_get_zero(Value) { return Value::small(0); }
Value int_get_one(Value) { return Value::small(1); }

const MethodDef kIntMethods[] = {
    {"conjugate", int_self, MethodFlag::kNoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, MethodFlag::kNoArgs,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, MethodFlag::kNoArgs,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, MethodFlag::kVarArgs | MethodFlag::kKeywords | MethodFlag::kClass,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, MethodFlag::kNoArgs,
     "Return integer ratio."},
    {"__trunc__", int_self, MethodFlag::kNoArgs, "Truncating an Integral returns itself."},
    {"__floor__", int_self, MethodFlag::kNoArgs, "Flooring an Integral returns itself."},
    {"__ceil__", int_self, MethodFlag::kNoArgs, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, MethodFlag::kVarArgs,
     "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an "
     "integer."},
    {"__getnewargs__", int_getnewargs, MethodFlag::kNoArgs},
    {"__format__", int_format_method, MethodFlag::kOneArg},
    {"__sizeof__", int_sizeof, MethodFlag::kNoArgs, "Returns size in memory, in bytes."},
    {"__divmod__", int_divmod, MethodFlag::kOneArg, "Return divmod(self, value)."},
    {"__rdivmod__", int_rdivmod, MethodFlag::kOneArg, "Return divmod(value, self)."},
    {nullptr, nullptr, 0},
};

const GetSetDef kIntGetSets[] = {
    {"real", int_get_self, nullptr, "the real part of a complex number"},
    {"imag", int_get_zero, nullptr, "the imaginary part of a complex number"},
    {"numerator", int_get_self, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr},
};

}  // namespace

void fill_int_number_slots(TypeSlots& s) {
#define PYR_BINARY_OP(e, d, r, i, sym) s.binary[int(BinaryOp::e)] = int_binary_slot<BinaryOp::e>;
#include "python/objects/number_ops.def"
  s.binary[int(BinaryOp::kMatMul)] = nullptr;
  s.pow3 = int_pow3;
  s.neg = int_neg;
  s.pos = int_pos;
  s.invert = int_invert;
  s.abs = int_abs;
  s.bool_ = int_bool;
  s.index = int_pos;
  s.int_ = int_pos;
  s.float_ = int_float;
  s.compare = int_compare;
  s.hash = int_hash_slot;
  s.repr = int_repr;
}

void init_int() {
  if (kBigIntLayout == gc::kNoLayout)
    kBigIntLayout = register_object_layout("int", 0, trace_bigint, bigint_size);
  TypeSpec spec;
  spec.name = "int";
  spec.layout = kBigIntLayout;
  spec.instance_size = sizeof(BigInt);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kIntSubclass | TypeFlag::kImmutable;
  spec.trace = trace_bigint;
  fill_int_number_slots(spec.slots);
  spec.slots.new_ = int_new;
  spec.methods = kIntMethods;
  spec.getsets = kIntGetSets;
  spec.doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an "
      "integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  "
      "For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if "
      "base is given, then x must be a string,\nbytes, or bytearray instance representing an "
      "integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be "
      "surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 "
      "means to interpret the base from the string as an integer literal.\n>>> int('0b100', "
      "base=0)\n4";
  make_builtin_type(&types::int_, spec);
}

}  // namespace pyrite::python
