// complex: boxed pairs of doubles with CPython 3.11's arithmetic, repr,
// parsing and constructor rules (docs/objects.md, "Numbers").
//
// The algorithms that decide printed digits follow the standard ones CPython
// also uses, so results print identically: Smith's division (scale by the
// larger divisor part), integer powers up to 100 by repeated squaring, other
// powers through polar form; an infinite power is an OverflowError.
#include "python/modules/codecs_module.h"  // issue_warning
#include "python/objects/complex.h"

#include <cerrno>
#include <cmath>
#include <string>

#include "python/objects/bytes.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/runtime/float_format.h"
#include "python/runtime/float_parse.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/num_hash.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python {

gc::LayoutId kComplexLayout = gc::kNoLayout;

namespace {

struct C {
  double re, im;
};

void trace_complex(void* obj, gc::Visitor& v) { v.visit(static_cast<Object*>(obj)->type); }

C value_of(Value v) {
  auto* c = v.as<Complex>();
  return {c->real, c->imag};
}

Value complex_of_type(Type* type, C c) {
  if (type == types::complex) return complex_new(c.re, c.im);
  auto* o = static_cast<Complex*>(alloc_instance(type));
  if (!o) return {};
  o->real = c.re;
  o->imag = c.im;
  return o;
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

// An operand: 1 converted, 0 NotImplemented, -1 error.
int operand(Value v, C* out) {
  if (is_complex(v)) {
    *out = value_of(v);
    return 1;
  }
  if (is_float(v)) {
    *out = {float_value(v), 0.0};
    return 1;
  }
  if (is_int(v)) {
    out->im = 0.0;
    return int_to_double(v, &out->re) ? 1 : -1;
  }
  return 0;
}

// ---- the algorithms ------------------------------------------------------------------

C c_prod(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Smith's algorithm; *zero set when b is 0.
C c_quot(C a, C b, bool* zero) {
  double abs_bre = std::fabs(b.re), abs_bim = std::fabs(b.im);
  if (abs_bre >= abs_bim) {
    if (abs_bre == 0.0) {
      *zero = true;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_bim >= abs_bre) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};  // a NaN in b
}

C c_powu(C x, long n) {
  C r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

C c_pow(C a, C b, bool* domain) {
  if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) *domain = true;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

}  // namespace

Value complex_new(double real, double imag) {
  auto* c = allocate<Complex>(kComplexLayout, types::complex);
  c->real = real;
  c->imag = imag;
  return c;
}

Value literal_complex(double real, double imag) { return complex_new(real, imag); }

Value complex_pow(double ar, double ai, double br, double bi) {
  // errno decides the error exactly as in CPython: the libm calls of the
  // polar form set it (cos(inf) is EDOM, an overflowing pow/exp ERANGE),
  // a division by zero sets EDOM, and then an infinite result is ERANGE
  // while a finite one clears ERANGE (underflow is no error).
  C a{ar, ai}, b{br, bi}, p;
  bool domain = false;
  errno = 0;
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    long n = static_cast<long>(b.re);
    if (n > 0)
      p = c_powu(a, n);
    else
      p = c_quot({1.0, 0.0}, c_powu(a, -n), &domain);
  } else {
    p = c_pow(a, b, &domain);
  }
  int err = domain ? EDOM : errno;
  if (std::isinf(p.re) || std::isinf(p.im)) {
    if (err == 0) err = ERANGE;
  } else if (err == ERANGE) {
    err = 0;
  }
  if (err == EDOM) return raise(exc::ZeroDivisionError, "0.0 to a negative or complex power");
  if (err == ERANGE) return raise(exc::OverflowError, "complex exponentiation");
  return complex_new(p.re, p.im);
}

namespace {

// ---- text ------------------------------------------------------------------------------

// repr of one part: the shortest round-trip digits without a ".0" suffix.
std::string part_repr(double d) {
  std::string s = runtime::repr_double(d);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string repr_text(C c) {
  if (c.re == 0.0 && !std::signbit(c.re)) return part_repr(c.im) + "j";
  std::string im = part_repr(c.im);
  if (im[0] != '-') im.insert(im.begin(), '+');
  return "(" + part_repr(c.re) + im + "j)";
}

Value complex_repr(Value v) { return str_from_ascii(repr_text(value_of(v))); }

// Python float syntax at the start of s (sign, digits with single
// underscores, fraction, exponent, inf/nan): its length, 0 if none.
size_t float_prefix(std::string_view s) {
  size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) i++;
  auto lower_at = [&](size_t k, std::string_view w) {
    if (k + w.size() > n) return false;
    for (size_t j = 0; j < w.size(); j++)
      if (std::tolower(static_cast<unsigned char>(s[k + j])) != w[j]) return false;
    return true;
  };
  if (lower_at(i, "infinity")) return i + 8;
  if (lower_at(i, "inf") || lower_at(i, "nan")) return i + 3;
  auto digits = [&](size_t k) {  // digits with single '_' between: end, or k if none
    size_t j = k;
    if (j >= n || !std::isdigit(static_cast<unsigned char>(s[j]))) return k;
    while (j < n) {
      if (std::isdigit(static_cast<unsigned char>(s[j]))) {
        j++;
      } else if (s[j] == '_' && j + 1 < n && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        j++;
      } else {
        break;
      }
    }
    return j;
  };
  size_t int_end = digits(i);
  bool have = int_end > i;
  size_t j = int_end;
  if (j < n && s[j] == '.') {
    size_t frac_end = digits(j + 1);
    if (frac_end > j + 1 || have) {
      have = true;
      j = frac_end;
    }
  }
  if (!have) return 0;
  if (j < n && (s[j] == 'e' || s[j] == 'E')) {
    size_t k = j + 1;
    if (k < n && (s[k] == '+' || s[k] == '-')) k++;
    size_t exp_end = digits(k);
    if (exp_end > k) j = exp_end;
  }
  return j;
}

bool parse_part(std::string_view s, size_t* pos, double* out) {
  size_t len = float_prefix(s.substr(*pos));
  if (len == 0) return false;
  auto d = runtime::parse_float(s.substr(*pos, len));
  if (!d) return false;
  *out = *d;
  *pos += len;
  return true;
}

// complex(str) on ASCII text (Unicode digits and spaces already mapped).
bool parse_complex(std::string_view s, C* out) {
  size_t i = 0, n = s.size();
  auto skip_space = [&] {
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
      i++;
  };
  skip_space();
  bool bracket = false;
  if (i < n && s[i] == '(') {
    bracket = true;
    i++;
    skip_space();
  }
  double x = 0.0, y = 0.0, z;
  if (parse_part(s, &i, &z)) {
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      x = z;
      if (!parse_part(s, &i, &y)) {
        y = s[i] == '-' ? -1.0 : 1.0;
        i++;
      }
      if (i >= n || (s[i] != 'j' && s[i] != 'J')) return false;
      i++;
    } else if (i < n && (s[i] == 'j' || s[i] == 'J')) {
      y = z;
      i++;
    } else {
      x = z;
    }
  } else {
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      y = s[i] == '-' ? -1.0 : 1.0;
      i++;
    } else {
      y = 1.0;
    }
    if (i >= n || (s[i] != 'j' && s[i] != 'J')) return false;
    i++;
  }
  skip_space();
  if (bracket) {
    if (i >= n || s[i] != ')') return false;
    i++;
    skip_space();
  }
  if (i != n) return false;
  *out = {x, y};
  return true;
}

Value complex_from_text(Type* type, Value original, std::string_view text) {
  // Underscores are checked (each between two digits) and removed first, as
  // for float(); a misplaced one has its own message.
  std::string ascii(text);
  if (ascii.find('_') != std::string::npos) {
    std::string stripped;
    for (size_t i = 0; i < ascii.size(); i++) {
      if (ascii[i] != '_') {
        stripped.push_back(ascii[i]);
        continue;
      }
      bool ok = i > 0 && i + 1 < ascii.size() && std::isdigit(static_cast<unsigned char>(ascii[i - 1])) &&
                std::isdigit(static_cast<unsigned char>(ascii[i + 1]));
      if (!ok) {
        Value r = repr(original);
        if (!r) return {};
        return raisef(exc::ValueError, "could not convert string to complex: %s",
                      str_to_utf8(r.as<Str>()).c_str());
      }
    }
    ascii = stripped;
  }
  C c;
  if (!parse_complex(ascii, &c)) return raise(exc::ValueError, "complex() arg is a malformed string");
  return complex_of_type(type, c);
}

Value complex_from_str(Type* type, Str* s) {
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
      ascii.push_back('?');  // never valid
    }
  }
  return complex_from_text(type, s, ascii);
}

// ---- slots ---------------------------------------------------------------------------------

template <BinaryOp kOp>
Value complex_binary(Value a, Value b) {
  C x, y;
  int ra = operand(a, &x);
  if (ra <= 0) return ra < 0 ? Value() : not_implemented();
  int rb = operand(b, &y);
  if (rb <= 0) return rb < 0 ? Value() : not_implemented();
  switch (kOp) {
    case BinaryOp::kAdd: return complex_new(x.re + y.re, x.im + y.im);
    case BinaryOp::kSub: return complex_new(x.re - y.re, x.im - y.im);
    case BinaryOp::kMul: {
      C r = c_prod(x, y);
      return complex_new(r.re, r.im);
    }
    case BinaryOp::kTrueDiv: {
      bool zero = false;
      C r = c_quot(x, y, &zero);
      if (zero) return raise(exc::ZeroDivisionError, "complex division by zero");
      return complex_new(r.re, r.im);
    }
    case BinaryOp::kPow: return complex_pow(x.re, x.im, y.re, y.im);
    default: return not_implemented();
  }
}

Value complex_pow3(Value a, Value b, Value m) {
  if (!is_none(m)) {
    C x, y;
    if (operand(a, &x) == 0 || operand(b, &y) == 0) return not_implemented();
    return raise(exc::ValueError, "complex modulo");
  }
  return complex_binary<BinaryOp::kPow>(a, b);
}

Value complex_neg(Value v) {
  C c = value_of(v);
  return complex_new(-c.re, -c.im);
}

Value complex_pos(Value v) {
  if (v.object()->type == types::complex) return v;
  C c = value_of(v);
  return complex_new(c.re, c.im);
}

Value complex_abs(Value v) {
  C c = value_of(v);
  if (!std::isfinite(c.re) || !std::isfinite(c.im)) {
    if (std::isinf(c.re) || std::isinf(c.im)) return float_new(INFINITY);
    return float_new(NAN);
  }
  double r = std::hypot(c.re, c.im);
  if (std::isinf(r)) return raise(exc::OverflowError, "absolute value too large");
  return float_new(r);
}

int complex_bool(Value v) {
  C c = value_of(v);
  return c.re != 0.0 || c.im != 0.0;
}

Value complex_compare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return not_implemented();
  if (!is_complex(a)) std::swap(a, b);
  if (!is_complex(a)) return not_implemented();
  C x = value_of(a);
  bool eq;
  if (is_complex(b)) {
    C y = value_of(b);
    eq = x.re == y.re && x.im == y.im;
  } else if (is_float(b)) {
    eq = x.im == 0.0 && x.re == float_value(b);
  } else if (is_int(b)) {
    eq = x.im == 0.0 && int_compare_double(b, x.re) == 0;  // exact
  } else {
    return not_implemented();
  }
  return py_bool(op == CompareOp::kEq ? eq : !eq);
}

int64_t complex_hash(Value v) {
  C c = value_of(v);
  auto part = [&](double d) -> uint64_t {
    return static_cast<uint64_t>(std::isnan(d) ? identity_hash(v) : runtime::hash_double(d));
  };
  uint64_t h = part(c.re) + 1000003u * part(c.im);
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

// ---- __new__ ---------------------------------------------------------------------------------

bool is_number_like(Value v) {
  Type* t = type_of(v);
  return is_complex(v) || t->slots.float_ || t->slots.index;
}

Value complex_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"real", "imag", nullptr};
  Value r, i;
  if (!parse_args({"complex", kNames, 0, 0}, args, nargs, kwnames, {&r, &i})) return {};
  if (!r) r = Value::small(0);
  if (is_str(r)) {
    if (i) return raise(exc::TypeError, "complex() can't take second arg if first is a string");
    return complex_from_str(type, r.as<Str>());
  }
  if (i && is_str(i)) return raise(exc::TypeError, "complex() second arg can't be a string");
  if (!i && type == types::complex && r.is_object() && r.object()->type == types::complex) return r;
  // __complex__ first (complex subclasses and other classes).
  bool found = false;
  bool r_is_complex = false;
  C cr{0.0, 0.0};
  Value special = lookup_special(r, intern("__complex__"));
  if (special) {
    found = true;
    Value c = call_special(r, intern("__complex__"), nullptr, 0, &found);
    if (!c) return {};
    if (!is_complex(c))
      return raisef(exc::TypeError, "__complex__ returned non-complex (type %s)",
                    type_name(c).c_str());
    if (c.object()->type != types::complex &&
        !issue_warning(exc::DeprecationWarning,
                       "__complex__ returned non-complex (type " + type_name(c) + ").  " +
                           subclass_return_deprecated("complex"),
                       1))
      return {};
    cr = value_of(c);
    r_is_complex = true;
  } else {
    if (!is_number_like(r))
      return raisef(exc::TypeError,
                    "complex() first argument must be a string or a number, not '%s'",
                    type_name(r).c_str());
  }
  if (i && !is_number_like(i))
    return raisef(exc::TypeError, "complex() second argument must be a number, not '%s'",
                  type_name(i).c_str());
  if (!r_is_complex) {
    if (is_complex(r)) {
      cr = value_of(r);
      r_is_complex = true;
    } else if (!float_as_double(r, &cr.re)) {
      return {};
    }
  }
  C ci{0.0, 0.0};
  bool i_is_complex = false;
  if (i) {
    if (is_complex(i)) {
      ci = value_of(i);
      i_is_complex = true;
    } else if (!float_as_double(i, &ci.re)) {
      return {};
    }
  }
  if (i_is_complex) cr.re -= ci.im;
  if (r_is_complex && i) ci.re += cr.im;
  double imag = r_is_complex && !i ? cr.im : ci.re;
  return complex_of_type(type, {cr.re, imag});
}

// ---- methods ---------------------------------------------------------------------------------

Value complex_conjugate(Value self, const Value*, size_t, Tuple*) {
  C c = value_of(self);
  return complex_new(c.re, -c.im);
}

Value complex_complex(Value self, const Value*, size_t, Tuple*) { return complex_pos(self); }

Value complex_getnewargs(Value self, const Value*, size_t, Tuple*) {
  C c = value_of(self);
  Value re = float_new(c.re);
  Value im = float_new(c.im);
  return tuple_of({re, im});
}

Value complex_format(Value self, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "__format__() argument must be str, not %s",
                  type_name(args[0]).c_str());
  Str* spec_s = args[0].as<Str>();
  if (spec_s->length == 0) return str_of(self);
  auto parsed = runtime::parse_format_spec(str_to_utf8(spec_s), "complex", 0, '>');
  if (!parsed.ok()) return raise_num_error(parsed.error);
  runtime::FormatSpec spec = parsed.value;
  if (spec.align == '=') {
    if (spec.fill == U'0')
      return raise(exc::ValueError, "Zero padding is not allowed in complex format specifier");
    return raise(exc::ValueError, "'=' alignment flag is not allowed in complex format specifier");
  }
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return raise_num_error(runtime::unknown_format_code(spec.type, "complex"));
  }
  C c = value_of(self);
  // As CPython: no type means repr-style parts ('r': the float's own digits
  // without the ".0" it would add) in parentheses, or 'g' when a precision
  // is given; a +0 real part is then left out. The imaginary part always
  // shows its sign unless it stands alone.
  bool plain = spec.type == 0;
  bool repr_style = plain && spec.precision < 0;
  bool skip_re = plain && c.re == 0.0 && !std::signbit(c.re);
  runtime::FormatSpec part = spec;
  part.width = -1;
  part.fill = U' ';
  part.align = '>';
  if (plain && !repr_style) part.type = 'g';
  runtime::FormatSpec ip = part;
  if (!skip_re) ip.sign = '+';
  auto strip_dot0 = [&](std::string& t) {
    if (!repr_style || t.size() < 2 || t.compare(t.size() - 2, 2, ".0") != 0) return;
    t.resize(t.size() - (spec.alternate ? 1 : 2));
  };
  std::string re, im;
  if (!skip_re) {
    auto rr = runtime::format_float(c.re, part, "complex");
    if (!rr.ok()) return raise_num_error(rr.error);
    re = rr.value;
    strip_dot0(re);
  }
  auto ri = runtime::format_float(c.im, ip, "complex");
  if (!ri.ok()) return raise_num_error(ri.error);
  im = ri.value;
  strip_dot0(im);
  std::string body = plain && !skip_re ? "(" + re + im + "j)" : re + im + "j";
  std::string out = runtime::pad(body, runtime::count_code_points(body), spec);
  return str_from_utf8(out);
}

Value complex_get_real(Value self) { return float_new(self.as<Complex>()->real); }
Value complex_get_imag(Value self) { return float_new(self.as<Complex>()->imag); }

const MethodDef kComplexMethods[] = {
    {"conjugate", complex_conjugate, MethodFlag::kNoArgs,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", complex_complex, MethodFlag::kNoArgs, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, MethodFlag::kNoArgs},
    {"__format__", complex_format, MethodFlag::kOneArg,
     "Convert to a string according to format_spec."},
    {nullptr, nullptr, 0},
};

const GetSetDef kComplexGetSets[] = {
    {"real", complex_get_real, nullptr, "the real part of a complex number", true},
    {"imag", complex_get_imag, nullptr, "the imaginary part of a complex number", true},
    {nullptr, nullptr},
};

}  // namespace

void init_complex() {
  if (kComplexLayout == gc::kNoLayout)
    kComplexLayout = register_object_layout("complex", sizeof(Complex), trace_complex);
  TypeSpec spec;
  spec.name = "complex";
  spec.layout = kComplexLayout;
  spec.instance_size = sizeof(Complex);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kImmutable;
  spec.trace = trace_complex;
  TypeSlots& s = spec.slots;
  s.binary[int(BinaryOp::kAdd)] = complex_binary<BinaryOp::kAdd>;
  s.binary[int(BinaryOp::kSub)] = complex_binary<BinaryOp::kSub>;
  s.binary[int(BinaryOp::kMul)] = complex_binary<BinaryOp::kMul>;
  s.binary[int(BinaryOp::kTrueDiv)] = complex_binary<BinaryOp::kTrueDiv>;
  s.binary[int(BinaryOp::kPow)] = complex_binary<BinaryOp::kPow>;
  s.pow3 = complex_pow3;
  s.neg = complex_neg;
  s.pos = complex_pos;
  s.abs = complex_abs;
  s.bool_ = complex_bool;
  s.compare = complex_compare;
  s.hash = complex_hash;
  s.repr = complex_repr;
  s.new_ = complex_new_slot;
  spec.methods = kComplexMethods;
  spec.getsets = kComplexGetSets;
  spec.doc =
      "Create a complex number from a real part and an optional imaginary part.\n\nThis is "
      "equivalent to (real + imag*1j) where imag defaults to 0.";
  make_builtin_type(&types::complex, spec);
}

}  // namespace pyrite::python
