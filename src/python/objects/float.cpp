// float: IEEE doubles (immediate or boxed, value.h) with CPython 3.11's
// operators, conversions, repr and methods (docs/objects.md, "Numbers").
//
// Mixed int/float operations convert the int with correct rounding
// (OverflowError past the double range); comparisons with ints never
// convert: they are exact for any pair (int_compare_double). The numeric
// algorithms (repr, round, hex, parsing, % and // signs) live in
// runtime/float_*.
#include "python/modules/codecs_module.h"  // issue_warning
#include "python/objects/float.h"

#include <cmath>
#include <cstring>
#include <string>

#include "python/objects/bytes.h"
#include "python/objects/complex.h"
#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/float_arith.h"
#include "python/runtime/float_format.h"
#include "python/runtime/float_hex.h"
#include "python/runtime/float_parse.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/num_hash.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

gc::LayoutId kFloatLayout = gc::kNoLayout;

namespace {

void trace_float(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

Value raise_num_error(const runtime::NumError& e) {
  switch (e.kind) {
    case runtime::NumError::kOverflowError: return raise(exc::OverflowError, e.message);
    case runtime::NumError::kZeroDivisionError: return raise(exc::ZeroDivisionError, e.message);
    case runtime::NumError::kTypeError: return raise(exc::TypeError, e.message);
    case runtime::NumError::kMemoryError: return raise_memory_error();
    default: return raise(exc::ValueError, e.message);
  }
}

// An operand of a float operator: 1 converted, 0 not a number we take
// (NotImplemented), -1 error (an int too large for a double).
int operand(Value v, double* out) {
  if (is_float(v)) {
    *out = float_value(v);
    return 1;
  }
  if (is_int(v)) return int_to_double(v, out) ? 1 : -1;
  return 0;
}

// A float of `type` (float or a subclass) holding d.
Value float_of_type(Type* type, double d) {
  if (type == types::float_) return float_new(d);
  auto* f = static_cast<Float*>(alloc_instance(type));
  if (!f) return {};
  f->value = d;
  return f;
}

}  // namespace

Value float_box(double d) {
  auto* f = allocate<Float>(kFloatLayout, types::float_);
  f->value = d;
  return f;
}

Value literal_float(double d) { return float_new(d); }

bool float_as_double(Value v, double* out) {
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  // Exact ints only: an int subclass may override __float__.
  if (is_exact_int(v)) return int_to_double(v, out);
  Type* t = type_of(v);
  if (t->slots.float_) {
    Value r = t->slots.float_(v);
    if (!r) return false;
    if (!is_float(r)) {
      raisef(exc::TypeError, "%s.__float__ returned non-float (type %s)", type_name(v).c_str(),
             type_name(r).c_str());
      return false;
    }
    if (!is_exact_float(r) &&
        !issue_warning(exc::DeprecationWarning,
                       type_name(v) + ".__float__ returned non-float (type " + type_name(r) + ").  " +
                           subclass_return_deprecated("float"),
                       1))
      return false;
    *out = float_value(r);
    return true;
  }
  if (t->slots.index) {
    Value i = index(v);
    if (!i) return false;
    return int_to_double(i, out);
  }
  raisef(exc::TypeError, "must be real number, not %s", type_name(v).c_str());
  return false;
}

// ---- operators ---------------------------------------------------------------------

Value float_binary(BinaryOp op, Value a, Value b) {
  double x, y;
  int ra = operand(a, &x);
  if (ra <= 0) return ra < 0 ? Value() : not_implemented();
  int rb = operand(b, &y);
  if (rb <= 0) return rb < 0 ? Value() : not_implemented();
  runtime::NumResult<double> r;
  switch (op) {
    case BinaryOp::kAdd: return float_new(x + y);
    case BinaryOp::kSub: return float_new(x - y);
    case BinaryOp::kMul: return float_new(x * y);
    case BinaryOp::kTrueDiv: r = runtime::float_div(x, y); break;
    case BinaryOp::kMod: r = runtime::float_mod(x, y); break;
    case BinaryOp::kFloorDiv: r = runtime::float_floordiv(x, y); break;
    case BinaryOp::kPow: {
      auto p = runtime::float_pow(x, y);
      if (!p.ok()) return raise_num_error(p.error);
      if (p.value.needs_complex) return complex_pow(x, 0.0, y, 0.0);
      return float_new(p.value.value);
    }
    default: return not_implemented();
  }
  if (!r.ok()) return raise_num_error(r.error);
  return float_new(r.value);
}

Value float_compare(Value a, Value b, CompareOp op) {
  int c;  // <0, 0, >0, or 2 unordered
  if (is_float(a) && is_float(b)) {
    double x = float_value(a), y = float_value(b);
    c = std::isnan(x) || std::isnan(y) ? 2 : (x < y ? -1 : x > y);
  } else if (is_float(a) && is_int(b)) {
    c = int_compare_double(b, float_value(a));
    if (c != 2) c = -c;
  } else if (is_int(a) && is_float(b)) {
    c = int_compare_double(a, float_value(b));
  } else {
    return not_implemented();
  }
  if (c == 2) return py_bool(op == CompareOp::kNe);
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

Value float_repr(Value v) { return str_from_ascii(runtime::repr_double(float_value(v))); }

int64_t float_hash(Value v) {
  double d = float_value(v);
  if (std::isnan(d)) return identity_hash(v);
  return runtime::hash_double(d);
}

// ---- construction from text ------------------------------------------------------

namespace {

Value could_not_convert(Value original) {
  Value r = repr(original);
  if (!r) return {};
  return raisef(exc::ValueError, "could not convert string to float: %s",
                str_to_utf8(r.as<Str>()).c_str());
}

Value float_from_ascii(std::string_view text, Value original) {
  auto d = runtime::parse_float(text);
  if (!d) return could_not_convert(original);
  return float_new(*d);
}

}  // namespace

Value float_from_str(Str* s) {
  // Non-ASCII digits and spaces become ASCII; parse_float strips the ASCII
  // whitespace " \t\n\v\f\r" (not \x1c-\x1f, as CPython).
  std::string ascii;
  ascii.reserve(size_t(s->length));
  for (int64_t i = 0; i < s->length; i++) {
    char32_t c = s->at(i);
    if (c < 128) {
      ascii.push_back(char(c));
    } else if (int d = runtime::decimal_value(c); d >= 0) {
      ascii.push_back(char('0' + d));
    } else if (runtime::is_space(c)) {
      ascii.push_back(' ');
    } else {
      return could_not_convert(s);
    }
  }
  return float_from_ascii(ascii, s);
}

namespace {

// ---- slots ---------------------------------------------------------------------------

template <BinaryOp kOp>
Value float_binary_slot(Value a, Value b) {
  return float_binary(kOp, a, b);
}

Value float_pow3(Value a, Value b, Value m) {
  if (!is_none(m))
    return raise(exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return float_binary(BinaryOp::kPow, a, b);
}

Value float_neg(Value v) { return float_new(-float_value(v)); }
Value float_pos(Value v) { return is_exact_float(v) ? v : float_new(float_value(v)); }
Value float_abs(Value v) { return float_new(std::fabs(float_value(v))); }
int float_bool(Value v) { return float_value(v) != 0.0; }
Value float_int(Value v) { return int_from_double(float_value(v)); }
int64_t float_hash_slot(Value v) { return float_hash(v); }

Value float_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  // Keywords are for a subclass's own __init__ (as CPython).
  if ((type == types::float_ || type->slots.init == types::float_->slots.init) &&
      !check_no_kwargs("float", kwnames))
    return {};
  if (!check_nargs("float", nargs, 0, 1)) return {};
  if (nargs == 0) return float_of_type(type, 0.0);
  // CPython's float_new: an exact str is parsed; else PyNumber_Float
  // (__float__, even a float subclass's, then __index__, then a float
  // subclass's value), else PyFloat_FromString (str subclasses, bytes and
  // every other buffer, whose own repr the error shows).
  Value x = args[0];
  Value r;
  Type* t = type_of(x);
  BufferView view;
  if (is_exact_str(x)) {
    r = float_from_str(x.as<Str>());
  } else if (is_exact_float(x)) {
    r = x;
  } else if (t->slots.float_) {
    r = number_float(x);
  } else if (t->slots.index) {
    double d;
    if (!float_as_double(x, &d)) return {};
    r = float_new(d);
  } else if (is_float(x)) {
    r = float_new(float_value(x));
  } else if (is_str(x)) {
    r = float_from_str(x.as<Str>());
  } else if (is_bytes(x)) {
    r = float_from_ascii(x.as<Bytes>()->view(), x);
  } else if (get_buffer(x, &view)) {
    std::string_view text(reinterpret_cast<const char*>(view.data), size_t(view.length));
    r = float_from_ascii(text, x);
  } else {
    if (has_error()) return {};
    return raisef(exc::TypeError, "float() argument must be a string or a real number, not '%s'",
                  type_name(x).c_str());
  }
  if (!r) return {};
  if (type == types::float_) return r;
  return float_of_type(type, float_value(r));
}

// ---- methods ------------------------------------------------------------------------------

Value float_self(Value self, const Value*, size_t, Tuple*) { return float_pos(self); }

Value float_is_integer(Value self, const Value*, size_t, Tuple*) {
  double d = float_value(self);
  return py_bool(std::isfinite(d) && std::floor(d) == d);
}

Value float_trunc(Value self, const Value*, size_t, Tuple*) { return int_from_double(float_value(self)); }
Value float_floor(Value self, const Value*, size_t, Tuple*) {
  return int_from_double(std::floor(float_value(self)));
}
Value float_ceil(Value self, const Value*, size_t, Tuple*) {
  return int_from_double(std::ceil(float_value(self)));
}

Value float_round(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("__round__", nargs, 0, 1)) return {};
  Value nd = nargs ? args[0] : Value();
  double x = float_value(self);
  if (!nd || is_none(nd)) return int_from_double(runtime::round_half_even(x));
  Value i = index(nd);
  if (!i) return {};
  auto n = int_to_i64(i);
  int64_t digits = n ? *n : (int_sign(i) < 0 ? INT64_MIN : INT64_MAX);  // clamped as CPython
  auto r = runtime::round_double(x, digits);
  if (!r.ok()) return raise_num_error(r.error);
  return float_new(r.value);
}

Value float_as_integer_ratio(Value self, const Value*, size_t, Tuple*) {
  double d = float_value(self);
  if (std::isinf(d)) return raise(exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(exc::ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(d, &e);  // d = m * 2^e, 0.5 <= |m| < 1
  auto mant = static_cast<int64_t>(std::ldexp(m, 53));
  e -= 53;
  if (mant == 0) return tuple_of({Value::small(0), Value::small(1)});
  int tz = __builtin_ctzll(static_cast<uint64_t>(mant < 0 ? -mant : mant));
  mant >>= tz;  // arithmetic shift keeps the sign; the low bits are zero
  e += tz;
  mpz_t num, den;
  mpz_init_set_si(num, mant);
  mpz_init_set_ui(den, 1);
  if (e > 0)
    mpz_mul_2exp(num, num, uint64_t(e));
  else
    mpz_mul_2exp(den, den, uint64_t(-e));
  Value n = int_from_mpz(num);
  Value dv = n ? int_from_mpz(den) : Value();
  mpz_clear(num);
  mpz_clear(den);
  if (!n || !dv) return {};
  return tuple_of({n, dv});
}

Value float_hex_method(Value self, const Value*, size_t, Tuple*) {
  return str_from_ascii(runtime::float_hex(float_value(self)));
}

Value float_fromhex(Value cls, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raise(exc::TypeError, "bad argument type for built-in operation");
  auto r = runtime::float_fromhex(str_to_utf8(args[0].as<Str>()));
  if (!r.ok()) return raise_num_error(r.error);
  Value f = float_new(r.value);
  if (cls.is(Value(types::float_))) return f;
  return call1(cls, f);
}

Value float_getnewargs(Value self, const Value*, size_t, Tuple*) {
  Value f = float_pos(self);
  return tuple_of({f});
}

Value float_getformat(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "__getformat__() argument must be str, not %s",
                  type_name(args[0]).c_str());
  std::string s = str_to_utf8(args[0].as<Str>());
  if (s != "double" && s != "float")
    return raise(exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from_ascii("IEEE, little-endian");
}

Value float_format_method(Value self, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "__format__() argument must be str, not %s",
                  type_name(args[0]).c_str());
  Str* spec = args[0].as<Str>();
  if (spec->length == 0) return str_of(self);
  std::string tn = type_name(self);
  auto parsed = runtime::parse_format_spec(str_to_utf8(spec), tn, 0, '>');
  if (!parsed.ok()) return raise_num_error(parsed.error);
  auto r = runtime::format_float(float_value(self), parsed.value, tn);
  if (!r.ok()) return raise_num_error(r.error);
  return str_from_utf8(r.value);
}

Value float_divmod(Value self, const Value* args, size_t, Tuple*) {
  double x, y;
  int ra = operand(self, &x);
  if (ra <= 0) return ra < 0 ? Value() : not_implemented();
  int rb = operand(args[0], &y);
  if (rb <= 0) return rb < 0 ? Value() : not_implemented();
  auto r = runtime::float_divmod(x, y);
  if (!r.ok()) return raise_num_error(r.error);
  Value q = float_new(r.value.quotient);
  Value m = float_new(r.value.remainder);
  return tuple_of({q, m});
}

Value float_rdivmod(Value self, const Value* args, size_t, Tuple*) {
  Value swapped[1] = {self};
  return float_divmod(args[0], swapped, 1, nullptr);
}

Value float_sizeof(Value, const Value*, size_t, Tuple*) { return Value::small(24); }

Value float_get_real(Value self) { return float_pos(self); }
Value float_get_imag(Value) { return float_new(0.0); }

const MethodDef kFloatMethods[] = {
    {"conjugate", float_self, MethodFlag::kNoArgs, "Return self, the complex conjugate of any float."},
    {"is_integer", float_is_integer, MethodFlag::kNoArgs, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, MethodFlag::kNoArgs,
     "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the "
     "original float\nand with a positive denominator."},
    {"hex", float_hex_method, MethodFlag::kNoArgs,
     "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, MethodFlag::kOneArg | MethodFlag::kClass,
     "Create a floating-point number from a hexadecimal string."},
    {"__trunc__", float_trunc, MethodFlag::kNoArgs, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, MethodFlag::kNoArgs, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, MethodFlag::kNoArgs, "Return the ceiling as an Integral."},
    {"__round__", float_round, MethodFlag::kVarArgs,
     "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is "
     "passed, work like built-in round(x, ndigits)."},
    {"__getnewargs__", float_getnewargs, MethodFlag::kNoArgs},
    {"__getformat__", float_getformat, MethodFlag::kOneArg | MethodFlag::kClass,
     "You probably don't want to use this function."},
    {"__format__", float_format_method, MethodFlag::kOneArg, "Formats the float according to format_spec."},
    {"__divmod__", float_divmod, MethodFlag::kOneArg, "Return divmod(self, value)."},
    {"__rdivmod__", float_rdivmod, MethodFlag::kOneArg, "Return divmod(value, self)."},
    {"__sizeof__", float_sizeof, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

const GetSetDef kFloatGetSets[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number"},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr},
};

}  // namespace

void init_float() {
  if (kFloatLayout == gc::kNoLayout)
    kFloatLayout = register_object_layout("float", sizeof(Float), trace_float);
  TypeSpec spec;
  spec.name = "float";
  spec.layout = kFloatLayout;
  spec.instance_size = sizeof(Float);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kFloatSubclass | TypeFlag::kImmutable;
  spec.trace = trace_float;
  TypeSlots& s = spec.slots;
#define PYR_BINARY_OP(e, d, r, i, sym) s.binary[int(BinaryOp::e)] = float_binary_slot<BinaryOp::e>;
#include "python/objects/number_ops.def"
  s.binary[int(BinaryOp::kMatMul)] = nullptr;
  s.binary[int(BinaryOp::kLshift)] = nullptr;
  s.binary[int(BinaryOp::kRshift)] = nullptr;
  s.binary[int(BinaryOp::kAnd)] = nullptr;
  s.binary[int(BinaryOp::kOr)] = nullptr;
  s.binary[int(BinaryOp::kXor)] = nullptr;
  s.pow3 = float_pow3;
  s.neg = float_neg;
  s.pos = float_pos;
  s.abs = float_abs;
  s.bool_ = float_bool;
  s.int_ = float_int;
  s.float_ = float_pos;
  s.compare = float_compare;
  s.hash = float_hash_slot;
  s.repr = float_repr;
  s.new_ = float_new_slot;
  spec.methods = kFloatMethods;
  spec.getsets = kFloatGetSets;
  spec.doc = "Convert a string or number to a floating point number, if possible.";
  make_builtin_type(&types::float_, spec);
}

}  // namespace pyrite::python
