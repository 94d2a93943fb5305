// The _struct module: packing Python values into C structs and back, as
// CPython 3.11's, for the stdlib's struct.py (docs/modules.md, "_struct").
//
// A format compiles once into a list of codes (format entry, offset, count)
// and the packed size; pack zero-fills the result and stores each item at
// its code's offset. Which conversion runs for a format character decides
// the error message, and CPython's choice is not uniform: '<' and '='
// (this machine's byte order) use the native converters wherever the
// standard size equals the native one (h H i I q Q e), while '>' and '!'
// always use the standard ones. The three tables below reproduce that.
#include <cmath>
#include <cstring>

#include "gc/heap.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/interp/pyrun.h"

namespace pyrite::python {

namespace {

Type* g_struct = nullptr;
Type* g_unpack_iter = nullptr;
Type* g_error = nullptr;     // struct.error
Dict* g_cache = nullptr;     // format -> Struct, at most kMaxCache entries
constexpr int64_t kMaxCache = 100;

// ---- format entries ------------------------------------------------------------------------

struct FormatDef;
using PackFn = bool (*)(uint8_t* p, Value v, const FormatDef* f);
using UnpackFn = Value (*)(const uint8_t* p, const FormatDef* f);

struct FormatDef {
  char format;
  int size;
  int alignment;
  UnpackFn unpack;
  PackFn pack;
};

bool fail(const char* msg) {
  raise(g_error, msg);
  return false;
}

// CPython's _range_error: the bounds of a size-byte integer.
bool range_error(const FormatDef* f, bool is_unsigned) {
  uint64_t ulargest = ~uint64_t(0) >> ((8 - f->size) * 8);
  if (is_unsigned) {
    raisef(g_error, "'%c' format requires 0 <= number <= %llu", f->format,
           (unsigned long long)ulargest);
  } else {
    int64_t largest = int64_t(ulargest >> 1);
    raisef(g_error, "'%c' format requires %lld <= number <= %lld", f->format,
           (long long)~largest, (long long)largest);
  }
  return false;
}

// get_pylong: an int, or the result of __index__; else "not an integer".
Value get_pylong(Value v) {
  if (is_int(v)) return v;
  if (type_of(v)->slots.index) return index(v);
  fail("required argument is not an integer");
  return {};
}

// PyLong_AsLong / PyLong_AsUnsignedLong with OverflowError turned into
// "argument out of range" (get_long, get_ulong and their 64-bit twins).
bool get_long(Value v, int64_t* out) {
  Value i = get_pylong(v);
  if (!i) return false;
  auto x = int_to_i64(i);
  if (!x) return fail("argument out of range");
  *out = *x;
  return true;
}

bool fits_u64(Value i, uint64_t* out) {
  if (int_sign(i) < 0) return false;
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  bool ok = mpz_sizeinbase(z, 2) <= 64;
  if (ok) *out = mpz_get_ui(z);
  mpz_clear(scratch);
  return ok;
}

bool get_ulong(Value v, uint64_t* out) {
  Value i = get_pylong(v);
  if (!i) return false;
  if (!fits_u64(i, out)) return fail("argument out of range");
  return true;
}

// _PyLong_AsByteArray of 8 bytes: OverflowError (which pack turns into
// "int too large to convert" when the argument is an int).
bool as_8_bytes(Value v, bool is_signed, uint64_t* out) {
  Value i = get_pylong(v);
  if (!i) return false;
  if (is_signed) {
    auto x = int_to_i64(i);
    if (!x) {
      raise(exc::OverflowError, "int too big to convert");
      return false;
    }
    *out = uint64_t(*x);
    return true;
  }
  if (int_sign(i) < 0) {
    raise(exc::OverflowError, "can't convert negative int to unsigned");
    return false;
  }
  if (!fits_u64(i, out)) {
    raise(exc::OverflowError, "int too big to convert");
    return false;
  }
  return true;
}

bool get_double(Value v, double* out) {
  if (!float_as_double(v, out)) {
    clear_error();
    return fail("required argument is not a float");
  }
  return true;
}

void store_le(uint8_t* p, uint64_t x, int size) {
  for (int i = 0; i < size; i++, x >>= 8) p[i] = uint8_t(x);
}
void store_be(uint8_t* p, uint64_t x, int size) {
  for (int i = size - 1; i >= 0; i--, x >>= 8) p[i] = uint8_t(x);
}
uint64_t load_le(const uint8_t* p, int size) {
  uint64_t x = 0;
  for (int i = size - 1; i >= 0; i--) x = (x << 8) | p[i];
  return x;
}
uint64_t load_be(const uint8_t* p, int size) {
  uint64_t x = 0;
  for (int i = 0; i < size; i++) x = (x << 8) | p[i];
  return x;
}
int64_t sign_extend(uint64_t x, int size) {
  if (size == 8) return int64_t(x);
  int shift = 64 - size * 8;
  return int64_t(x << shift) >> shift;
}

// ---- IEEE half, single and double with CPython's rounding and errors ---------------------------

bool pack_half(double x, uint8_t* p, bool little) {
  int sign;
  int e;
  unsigned short bits;
  if (x == 0.0) {
    sign = std::signbit(x) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (std::isinf(x)) {
    sign = x < 0.0;
    e = 0x1f;
    bits = 0;
  } else if (std::isnan(x)) {
    sign = std::signbit(x) ? 1 : 0;
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0.0;
    if (sign) x = -x;
    double f = std::frexp(x, &e);
    f *= 2.0;
    e--;
    if (e >= 16) goto overflow;
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = (unsigned short)f;
    if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
      ++bits;
      if (bits == 1024) {
        bits = 0;
        ++e;
        if (e == 31) goto overflow;
      }
    }
  }
  bits |= (unsigned short)((e << 10) | (sign << 15));
  if (little) store_le(p, bits, 2);
  else store_be(p, bits, 2);
  return true;
overflow:
  raise(exc::OverflowError, "float too large to pack with e format");
  return false;
}

double unpack_half(const uint8_t* p, bool little) {
  unsigned bits = unsigned(little ? load_le(p, 2) : load_be(p, 2));
  int sign = (bits >> 15) & 1;
  int e = (bits >> 10) & 0x1f;
  unsigned f = bits & 0x3ff;
  if (e == 0x1f) {
    if (f == 0) return sign ? -HUGE_VAL : HUGE_VAL;
    return sign ? -std::fabs(NAN) : std::fabs(NAN);
  }
  double x = double(f) / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = std::ldexp(x, e);
  return sign ? -x : x;
}

bool pack_float4(double x, uint8_t* p, bool little) {
  float y = float(x);
  if (std::isinf(y) && !std::isinf(x)) {
    raise(exc::OverflowError, "float too large to pack with f format");
    return false;
  }
  uint32_t bits;
  std::memcpy(&bits, &y, 4);
  if (little) store_le(p, bits, 4);
  else store_be(p, bits, 4);
  return true;
}

// ---- native converters (np_* / nu_*) ----------------------------------------------------------

Value nu_byte(const uint8_t* p, const FormatDef*) { return Value::small(int8_t(p[0])); }
Value nu_ubyte(const uint8_t* p, const FormatDef*) { return Value::small(p[0]); }
Value nu_char(const uint8_t* p, const FormatDef*) { return bytes_from(p, 1); }
Value nu_bool(const uint8_t* p, const FormatDef*) { return py_bool(p[0] != 0); }
Value nu_signed(const uint8_t* p, const FormatDef* f) {
  return int_from_i64(sign_extend(load_le(p, f->size), f->size));
}
Value nu_unsigned(const uint8_t* p, const FormatDef* f) { return int_from_u64(load_le(p, f->size)); }
Value nu_half(const uint8_t* p, const FormatDef*) { return float_new(unpack_half(p, true)); }
Value nu_float(const uint8_t* p, const FormatDef*) {
  float x;
  std::memcpy(&x, p, 4);
  return float_new(double(x));
}
Value nu_double(const uint8_t* p, const FormatDef*) {
  double x;
  std::memcpy(&x, p, 8);
  return float_new(x);
}

bool np_byte(uint8_t* p, Value v, const FormatDef*) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  if (x < -128 || x > 127) return fail("byte format requires -128 <= number <= 127");
  p[0] = uint8_t(x);
  return true;
}
bool np_ubyte(uint8_t* p, Value v, const FormatDef*) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  if (x < 0 || x > 255) return fail("ubyte format requires 0 <= number <= 255");
  p[0] = uint8_t(x);
  return true;
}
bool np_char(uint8_t* p, Value v, const FormatDef*) {
  if (!is_bytes(v) || v.as<Bytes>()->length != 1)
    return fail("char format requires a bytes object of length 1");
  p[0] = v.as<Bytes>()->data()[0];
  return true;
}
bool np_short(uint8_t* p, Value v, const FormatDef*) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  if (x < -32768 || x > 32767) return fail("short format requires -32768 <= number <= 32767");
  store_le(p, uint64_t(x), 2);
  return true;
}
bool np_ushort(uint8_t* p, Value v, const FormatDef*) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  if (x < 0 || x > 65535) return fail("ushort format requires 0 <= number <= 65535");
  store_le(p, uint64_t(x), 2);
  return true;
}
bool np_int(uint8_t* p, Value v, const FormatDef* f) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  if (x < INT32_MIN || x > INT32_MAX) return range_error(f, false);
  store_le(p, uint64_t(x), 4);
  return true;
}
bool np_uint(uint8_t* p, Value v, const FormatDef* f) {
  uint64_t x;
  if (!get_ulong(v, &x)) return false;
  if (x > UINT32_MAX) return range_error(f, true);
  store_le(p, x, 4);
  return true;
}
bool np_long(uint8_t* p, Value v, const FormatDef*) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  store_le(p, uint64_t(x), 8);
  return true;
}
bool np_ulong(uint8_t* p, Value v, const FormatDef*) {
  uint64_t x;
  if (!get_ulong(v, &x)) return false;
  store_le(p, x, 8);
  return true;
}
bool np_bool(uint8_t* p, Value v, const FormatDef*) {
  int y = truth(v);
  if (y < 0) return false;
  p[0] = uint8_t(y);
  return true;
}
bool np_half(uint8_t* p, Value v, const FormatDef*) {
  double x;
  if (!get_double(v, &x)) return false;
  return pack_half(x, p, true);
}
bool np_float(uint8_t* p, Value v, const FormatDef*) {
  double d;
  if (!get_double(v, &d)) return false;
  float x = float(d);
  std::memcpy(p, &x, 4);
  return true;
}
bool np_double(uint8_t* p, Value v, const FormatDef*) {
  double x;
  if (!get_double(v, &x)) return false;
  std::memcpy(p, &x, 8);
  return true;
}
// PyLong_AsVoidPtr: negative values as a C long, others as an unsigned long.
bool np_void_p(uint8_t* p, Value v, const FormatDef*) {
  Value i = get_pylong(v);
  if (!i) return false;
  uint64_t x;
  if (int_sign(i) < 0) {
    auto y = int_to_i64(i);
    if (!y) {
      raise(exc::OverflowError, "Python int too large to convert to C long");
      return false;
    }
    x = uint64_t(*y);
  } else if (!fits_u64(i, &x)) {
    raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  store_le(p, x, 8);
  return true;
}

// ---- standard-size converters (lp_/bp_, lu_/bu_) ----------------------------------------------

template <bool kLittle>
Value std_signed(const uint8_t* p, const FormatDef* f) {
  uint64_t x = kLittle ? load_le(p, f->size) : load_be(p, f->size);
  return int_from_i64(sign_extend(x, f->size));
}
template <bool kLittle>
Value std_unsigned(const uint8_t* p, const FormatDef* f) {
  return int_from_u64(kLittle ? load_le(p, f->size) : load_be(p, f->size));
}
template <bool kLittle>
Value std_half(const uint8_t* p, const FormatDef*) {
  return float_new(unpack_half(p, kLittle));
}
template <bool kLittle>
Value std_float(const uint8_t* p, const FormatDef*) {
  uint32_t bits = uint32_t(kLittle ? load_le(p, 4) : load_be(p, 4));
  float x;
  std::memcpy(&x, &bits, 4);
  return float_new(double(x));
}
template <bool kLittle>
Value std_double(const uint8_t* p, const FormatDef*) {
  uint64_t bits = kLittle ? load_le(p, 8) : load_be(p, 8);
  double x;
  std::memcpy(&x, &bits, 8);
  return float_new(x);
}

template <bool kLittle>
void store(uint8_t* p, uint64_t x, int size) {
  if (kLittle) store_le(p, x, size);
  else store_be(p, x, size);
}

// lp_int / bp_int: a C long, then the 2- or 4-byte range.
template <bool kLittle>
bool sp_int(uint8_t* p, Value v, const FormatDef* f) {
  int64_t x;
  if (!get_long(v, &x)) return false;
  if (f->size == 2 && (x < -32768 || x > 32767)) return range_error(f, false);
  if (f->size == 4 && (x < INT32_MIN || x > INT32_MAX)) return range_error(f, false);
  store<kLittle>(p, uint64_t(x), f->size);
  return true;
}
template <bool kLittle>
bool sp_uint(uint8_t* p, Value v, const FormatDef* f) {
  uint64_t x;
  if (!get_ulong(v, &x)) return false;
  if (f->size < 8 && x >= (uint64_t(1) << (f->size * 8))) return range_error(f, true);
  store<kLittle>(p, x, f->size);
  return true;
}
template <bool kLittle, bool kSigned>
bool sp_longlong(uint8_t* p, Value v, const FormatDef*) {
  uint64_t x;
  if (!as_8_bytes(v, kSigned, &x)) return false;
  store<kLittle>(p, x, 8);
  return true;
}
template <bool kLittle>
bool sp_half(uint8_t* p, Value v, const FormatDef*) {
  double x;
  if (!get_double(v, &x)) return false;
  return pack_half(x, p, kLittle);
}
template <bool kLittle>
bool sp_float(uint8_t* p, Value v, const FormatDef*) {
  double x;
  if (!get_double(v, &x)) return false;
  return pack_float4(x, p, kLittle);
}
template <bool kLittle>
bool sp_double(uint8_t* p, Value v, const FormatDef*) {
  double x;
  if (!get_double(v, &x)) return false;
  uint64_t bits;
  std::memcpy(&bits, &x, 8);
  store<kLittle>(p, bits, 8);
  return true;
}

const FormatDef kNativeTable[] = {
    {'x', 1, 0, nullptr, nullptr},
    {'b', 1, 0, nu_byte, np_byte},
    {'B', 1, 0, nu_ubyte, np_ubyte},
    {'c', 1, 0, nu_char, np_char},
    {'s', 1, 0, nullptr, nullptr},
    {'p', 1, 0, nullptr, nullptr},
    {'h', 2, 2, nu_signed, np_short},
    {'H', 2, 2, nu_unsigned, np_ushort},
    {'i', 4, 4, nu_signed, np_int},
    {'I', 4, 4, nu_unsigned, np_uint},
    {'l', 8, 8, nu_signed, np_long},
    {'L', 8, 8, nu_unsigned, np_ulong},
    {'n', 8, 8, nu_signed, np_long},
    {'N', 8, 8, nu_unsigned, np_ulong},
    {'q', 8, 8, nu_signed, np_long},
    {'Q', 8, 8, nu_unsigned, np_ulong},
    {'?', 1, 1, nu_bool, np_bool},
    {'e', 2, 2, nu_half, np_half},
    {'f', 4, 4, nu_float, np_float},
    {'d', 8, 8, nu_double, np_double},
    {'P', 8, 8, nu_unsigned, np_void_p},
    {0, 0, 0, nullptr, nullptr},
};

// '<' and '=': the native converters where the sizes agree, as CPython's
// module init swaps them in.
const FormatDef kLittleTable[] = {
    {'x', 1, 0, nullptr, nullptr},
    {'b', 1, 0, nu_byte, np_byte},
    {'B', 1, 0, nu_ubyte, np_ubyte},
    {'c', 1, 0, nu_char, np_char},
    {'s', 1, 0, nullptr, nullptr},
    {'p', 1, 0, nullptr, nullptr},
    {'h', 2, 0, nu_signed, np_short},
    {'H', 2, 0, nu_unsigned, np_ushort},
    {'i', 4, 0, nu_signed, np_int},
    {'I', 4, 0, nu_unsigned, np_uint},
    {'l', 4, 0, std_signed<true>, sp_int<true>},
    {'L', 4, 0, std_unsigned<true>, sp_uint<true>},
    {'q', 8, 0, nu_signed, np_long},
    {'Q', 8, 0, nu_unsigned, np_ulong},
    {'?', 1, 0, nu_bool, np_bool},
    {'e', 2, 0, nu_half, np_half},
    {'f', 4, 0, std_float<true>, sp_float<true>},
    {'d', 8, 0, std_double<true>, sp_double<true>},
    {0, 0, 0, nullptr, nullptr},
};

const FormatDef kBigTable[] = {
    {'x', 1, 0, nullptr, nullptr},
    {'b', 1, 0, nu_byte, np_byte},
    {'B', 1, 0, nu_ubyte, np_ubyte},
    {'c', 1, 0, nu_char, np_char},
    {'s', 1, 0, nullptr, nullptr},
    {'p', 1, 0, nullptr, nullptr},
    {'h', 2, 0, std_signed<false>, sp_int<false>},
    {'H', 2, 0, std_unsigned<false>, sp_uint<false>},
    {'i', 4, 0, std_signed<false>, sp_int<false>},
    {'I', 4, 0, std_unsigned<false>, sp_uint<false>},
    {'l', 4, 0, std_signed<false>, sp_int<false>},
    {'L', 4, 0, std_unsigned<false>, sp_uint<false>},
    {'q', 8, 0, std_signed<false>, sp_longlong<false, true>},
    {'Q', 8, 0, std_unsigned<false>, sp_longlong<false, false>},
    {'?', 1, 0, nu_bool, np_bool},
    {'e', 2, 0, std_half<false>, sp_half<false>},
    {'f', 4, 0, std_float<false>, sp_float<false>},
    {'d', 8, 0, std_double<false>, sp_double<false>},
    {0, 0, 0, nullptr, nullptr},
};

// ---- Struct ------------------------------------------------------------------------------------

struct Code {
  const FormatDef* def;
  int64_t offset;
  int64_t size;     // bytes of one item ('s' and 'p': the count)
  int64_t repeat;
};

struct StructObject : Object {
  Value format;     // the format as bytes; None before __init__
  Bytes* codes;     // Code[ncodes] + a terminating {nullptr}, or null
  int64_t size;     // packed size; -1 before __init__
  int64_t len;      // number of items
};

void trace_struct(void* p, gc::Visitor& v) {
  auto* s = static_cast<StructObject*>(p);
  v.visit(s->type);
  visit_value(v, s->format);
  v.visit(s->codes);
}

const Code* codes_of(StructObject* s) {
  return s->codes ? reinterpret_cast<const Code*>(s->codes->data()) : nullptr;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// prepare_s: two passes over the format, the first for sizes and checks,
// the second to lay out the codes.
bool prepare(StructObject* self) {
  Bytes* fb = self->format.as<Bytes>();
  std::string_view fmt = fb->view();
  if (fmt.find('\0') != std::string_view::npos) return fail("embedded null character");
  const FormatDef* table = kNativeTable;
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '<': case '=': table = kLittleTable; i = 1; break;
      case '>': case '!': table = kBigTable; i = 1; break;
      case '@': i = 1; break;
      default: break;
    }
  }
  auto entry = [&](char c) -> const FormatDef* {
    for (const FormatDef* e = table; e->format; e++)
      if (e->format == c) return e;
    fail("bad char in struct format");
    return nullptr;
  };
  auto align = [&](int64_t size, const FormatDef* e) -> int64_t {
    if (table == kNativeTable && e->alignment && size > 0) {
      int64_t extra = (e->alignment - 1) - (size - 1) % e->alignment;
      if (extra > INT64_MAX - size) return -1;
      size += extra;
    }
    return size;
  };
  int64_t size = 0, len = 0, ncodes = 0;
  for (size_t k = i; k < fmt.size();) {
    char c = fmt[k++];
    if (is_space(c)) continue;
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      while (k < fmt.size() && fmt[k] >= '0' && fmt[k] <= '9') {
        int d = fmt[k++] - '0';
        if (num >= INT64_MAX / 10 && (num > INT64_MAX / 10 || d > INT64_MAX % 10))
          return fail("total struct size too long");
        num = num * 10 + d;
      }
      if (k >= fmt.size()) return fail("repeat count given without format specifier");
      c = fmt[k++];
    }
    const FormatDef* e = entry(c);
    if (!e) return false;
    switch (c) {
      case 's': case 'p': len++; ncodes++; break;
      case 'x': break;
      default:
        len += num;
        if (num) ncodes++;
        break;
    }
    size = align(size, e);
    if (size == -1 || num > (INT64_MAX - size) / e->size) return fail("total struct size too long");
    size += num * e->size;
  }
  Bytes* cb = bytes_new_raw(int64_t(sizeof(Code)) * (ncodes + 1));
  if (!cb) return false;
  Code* codes = reinterpret_cast<Code*>(cb->data());
  int64_t off = 0;
  for (size_t k = i; k < fmt.size();) {
    char c = fmt[k++];
    if (is_space(c)) continue;
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      while (fmt[k] >= '0' && fmt[k] <= '9') num = num * 10 + (fmt[k++] - '0');
      c = fmt[k++];
    }
    const FormatDef* e = entry(c);
    off = align(off, e);
    if (c == 's' || c == 'p') {
      *codes++ = Code{e, off, num, 1};
      off += num;
    } else if (c == 'x') {
      off += num;
    } else if (num) {
      *codes++ = Code{e, off, e->size, num};
      off += e->size * num;
    }
  }
  *codes = Code{nullptr, 0, 0, 0};
  self->codes = cb;
  self->size = size;
  self->len = len;
  return true;
}

Value struct_new(Type* type, const Value*, size_t, Tuple*) {
  auto* s = static_cast<StructObject*>(alloc_instance(type));
  if (!s) return {};
  s->format = none();
  s->codes = nullptr;
  s->size = -1;
  s->len = -1;
  return s;
}

bool struct_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"format", nullptr};
  Value format;
  ArgSpec spec{"Struct", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&format})) return false;
  if (is_str(format)) {
    // PyUnicode_AsASCIIString, with the codec's UnicodeEncodeError.
    Value ascii = intern("ascii");
    format = call_method(format, intern("encode"), &ascii, 1);
    if (!format) return false;
  } else if (!is_bytes(format)) {
    raisef(exc::TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
           type_name(format).c_str());
    return false;
  }
  auto* s = self.as<StructObject>();
  s->format = format;
  return prepare(s);
}

StructObject* as_struct(Value v) { return static_cast<StructObject*>(v.as<Object>()); }

// s_pack_internal: zero-fill, then each item at its code's offset. An
// OverflowError for an int argument becomes "int too large to convert".
bool pack_internal(StructObject* s, const Value* args, uint8_t* buf) {
  std::memset(buf, 0, size_t(s->size));
  size_t i = 0;
  for (const Code* code = codes_of(s); code && code->def; code++) {
    uint8_t* res = buf + code->offset;
    for (int64_t j = 0; j < code->repeat; j++, res += code->size) {
      Value v = args[i++];
      char fc = code->def->format;
      if (fc == 's' || fc == 'p') {
        const uint8_t* p;
        int64_t n;
        if (is_bytes(v)) {
          p = v.as<Bytes>()->data();
          n = v.as<Bytes>()->length;
        } else if (is_bytearray(v)) {
          p = v.as<ByteArray>()->data();
          n = v.as<ByteArray>()->length;
        } else {
          return fail(fc == 's' ? "argument for 's' must be a bytes object"
                                : "argument for 'p' must be a bytes object");
        }
        if (fc == 's') {
          if (n > code->size) n = code->size;
          if (n > 0) std::memcpy(res, p, size_t(n));
        } else {
          if (n > code->size - 1) n = code->size - 1;
          if (n > 0) std::memcpy(res + 1, p, size_t(n));
          if (n > 255) n = 255;
          if (code->size > 0) *res = uint8_t(n);
        }
      } else if (!code->def->pack(res, v, code->def)) {
        if (is_int(v) && error_matches(exc::OverflowError)) fail("int too large to convert");
        return false;
      }
    }
  }
  return true;
}

Tuple* unpack_internal(StructObject* s, const uint8_t* buf) {
  Tuple* t = tuple_new(s->len);
  if (!t) return nullptr;
  int64_t i = 0;
  for (const Code* code = codes_of(s); code && code->def; code++) {
    const uint8_t* res = buf + code->offset;
    for (int64_t j = 0; j < code->repeat; j++, res += code->size) {
      char fc = code->def->format;
      Value v;
      if (fc == 's') {
        v = bytes_from(res, size_t(code->size));
      } else if (fc == 'p') {
        // '0p' reads the length byte past its field and asks for -1
        // bytes: CPython 3.11's SystemError, kept.
        int64_t n = res[0];
        if (n >= code->size) n = code->size - 1;
        if (n < 0) {
          raise(exc::SystemError, "Negative size passed to PyBytes_FromStringAndSize");
          return nullptr;
        }
        v = bytes_from(res + 1, size_t(n));
      } else {
        v = code->def->unpack(res, code->def);
      }
      if (!v) return nullptr;
      t->items()[i++] = v;
    }
  }
  return t;
}

bool readable_buffer(Value v, BufferView* out) {
  if (get_buffer(v, out)) return true;
  raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
  return false;
}

Value do_pack(StructObject* s, const Value* args, size_t nargs) {
  if (int64_t(nargs) != s->len)
    return raisef(g_error, "pack expected %lld items for packing (got %zu)", (long long)s->len, nargs);
  Bytes* b = bytes_new_raw(s->size);
  if (!b) return {};
  if (!pack_internal(s, args, b->data())) return {};
  return b;
}

Value do_pack_into(StructObject* s, const Value* args, size_t nargs) {
  if (int64_t(nargs) != s->len + 2) {
    if (nargs == 0) return raise(g_error, "pack_into expected buffer argument");
    if (nargs == 1) return raise(g_error, "pack_into expected offset argument");
    return raisef(g_error, "pack_into expected %lld items for packing (got %zu)", (long long)s->len,
                  nargs - 2);
  }
  BufferView buf;
  if (!get_buffer(args[0], &buf) || buf.readonly)
    return raisef(exc::TypeError, "argument must be read-write bytes-like object, not %s",
                  type_name(args[0]).c_str());
  Value ov = args[1];
  if (!type_of(ov)->slots.index && !is_int(ov))
    return raisef(exc::TypeError, "'%s' object cannot be interpreted as an integer",
                  type_name(ov).c_str());
  Value oi = index(ov);
  if (!oi) return {};
  auto o = int_to_i64(oi);
  if (!o) return raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer",
                        type_name(ov).c_str());
  int64_t offset = *o;
  if (offset < 0) {
    if (offset + s->size > 0)
      return raisef(g_error, "no space to pack %lld bytes at offset %lld", (long long)s->size,
                    (long long)offset);
    if (offset + buf.length < 0)
      return raisef(g_error, "offset %lld out of range for %lld-byte buffer", (long long)offset,
                    (long long)buf.length);
    offset += buf.length;
  }
  if (buf.length - offset < s->size)
    return raisef(g_error,
                  "pack_into requires a buffer of at least %llu bytes for packing %lld bytes at "
                  "offset %lld (actual buffer size is %lld)",
                  (unsigned long long)(s->size + offset), (long long)s->size, (long long)offset,
                  (long long)buf.length);
  // Converting the items runs Python code (__index__, __float__, __bool__),
  // which may resize a bytearray: pack into a scratch copy, then store it,
  // also after a failure (CPython leaves the zero fill and the items before
  // the failing one in the buffer).
  Bytes* tmp = bytes_new_raw(s->size);
  if (!tmp) return {};
  bool ok = pack_internal(s, args + 2, tmp->data());
  BufferView now;
  if (get_buffer(args[0], &now) && !now.readonly && now.length >= offset + s->size)
    std::memcpy(const_cast<uint8_t*>(now.data) + offset, tmp->data(), size_t(s->size));
  else if (ok)
    return raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
  if (!ok) return {};
  return none();
}

Value do_unpack(StructObject* s, Value buffer) {
  BufferView buf;
  if (!readable_buffer(buffer, &buf)) return {};
  if (buf.length != s->size)
    return raisef(g_error, "unpack requires a buffer of %lld bytes", (long long)s->size);
  return unpack_internal(s, buf.data);
}

Value do_unpack_from(StructObject* s, Value buffer, Value offset_v) {
  int64_t offset = 0;
  if (offset_v && !arg_ssize(offset_v, &offset)) return {};
  BufferView buf;
  if (!readable_buffer(buffer, &buf)) return {};
  if (offset < 0) {
    if (offset + s->size > 0)
      return raisef(g_error, "not enough data to unpack %lld bytes at offset %lld",
                    (long long)s->size, (long long)offset);
    if (offset + buf.length < 0)
      return raisef(g_error, "offset %lld out of range for %lld-byte buffer", (long long)offset,
                    (long long)buf.length);
    offset += buf.length;
  }
  if (buf.length - offset < s->size)
    return raisef(g_error,
                  "unpack_from requires a buffer of at least %llu bytes for unpacking %lld bytes "
                  "at offset %lld (actual buffer size is %lld)",
                  (unsigned long long)(s->size + offset), (long long)s->size, (long long)offset,
                  (long long)buf.length);
  return unpack_internal(s, buf.data + offset);
}

// ---- unpack_iterator ---------------------------------------------------------------------------

struct UnpackIter : Object {
  StructObject* so;   // null once exhausted
  Value buffer;       // the exporter; null once exhausted
  int64_t length;     // the buffer's length when the iterator was made
  int64_t index;
  bool exporting;     // holds an export of a bytearray or array (CPython's Py_buffer)
};

// Gives the export back: at exhaustion, or when a live iterator dies.
void release_buffer(UnpackIter* it) {
  if (!it->exporting) return;
  it->exporting = false;
  if (is_bytearray(it->buffer)) it->buffer.as<ByteArray>()->exports--;
  else buffer_exports(it->buffer, -1);
}

void finalize_unpack_iter(void* p) { release_buffer(static_cast<UnpackIter*>(p)); }

void trace_unpack_iter(void* p, gc::Visitor& v) {
  auto* it = static_cast<UnpackIter*>(p);
  v.visit(it->type);
  v.visit(it->so);
  visit_value(v, it->buffer);
}

Value do_iter_unpack(StructObject* s, Value buffer) {
  if (s->size == 0) return raise(g_error, "cannot iteratively unpack with a struct of length 0");
  BufferView buf;
  if (!readable_buffer(buffer, &buf)) return {};
  if (buf.length % s->size != 0)
    return raisef(g_error, "iterative unpacking requires a buffer of a multiple of %lld bytes",
                  (long long)s->size);
  auto* it = static_cast<UnpackIter*>(alloc_instance(g_unpack_iter));
  if (!it) return {};
  it->so = s;
  it->buffer = buffer;
  it->length = buf.length;
  it->index = 0;
  it->exporting = false;
  // Like CPython's Py_buffer, the iterator keeps the exporter from resizing.
  if (!is_bytes(buffer) && !is_memoryview(buffer)) {
    if (is_bytearray(buffer)) buffer.as<ByteArray>()->exports++;
    else buffer_exports(buffer, +1);
    it->exporting = true;
    gc::Heap::current()->register_finalizer(it);
  }
  return it;
}

Value unpack_iter_next(Value self) {
  auto* it = self.as<UnpackIter>();
  if (!it->so) return {};
  BufferView buf;
  if (it->index >= it->length || !get_buffer(it->buffer, &buf) ||
      buf.length < it->index + it->so->size) {
    release_buffer(it);
    it->so = nullptr;
    it->buffer = Value();
    return {};
  }
  Tuple* t = unpack_internal(it->so, buf.data + it->index);
  if (!t) return {};
  it->index += it->so->size;
  return t;
}

Value unpack_iter_self(Value self) { return self; }

Value unpack_iter_len(Value self, const Value*, size_t, Tuple*) {
  auto* it = self.as<UnpackIter>();
  int64_t n = it->so ? (it->length - it->index) / it->so->size : 0;
  return int_from_i64(n);
}

Value unpack_iter_new(Type*, const Value*, size_t, Tuple*) {
  return raise(exc::TypeError, "Cannot create 'unpack_iterator objects");
}

const MethodDef kUnpackIterMethods[] = {
    {"__length_hint__", unpack_iter_len, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

// ---- Struct methods -----------------------------------------------------------------------

Value struct_pack(Value self, const Value* args, size_t nargs, Tuple*) {
  return do_pack(as_struct(self), args, nargs);
}
Value struct_pack_into(Value self, const Value* args, size_t nargs, Tuple*) {
  return do_pack_into(as_struct(self), args, nargs);
}
Value struct_unpack(Value self, const Value* args, size_t, Tuple*) {
  return do_unpack(as_struct(self), args[0]);
}
Value struct_unpack_from(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"buffer", "offset", nullptr};
  Value buffer, offset;
  ArgSpec spec{"unpack_from", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&buffer, &offset})) return {};
  return do_unpack_from(as_struct(self), buffer, offset);
}
Value struct_iter_unpack(Value self, const Value* args, size_t, Tuple*) {
  return do_iter_unpack(as_struct(self), args[0]);
}
Value struct_sizeof(Value self, const Value*, size_t, Tuple*) {
  auto* s = as_struct(self);
  int64_t n = 0;
  for (const Code* c = codes_of(s); c && c->def; c++) n++;
  // CPython: the object (48 bytes on x86-64) plus one code per entry and the sentinel.
  return int_from_i64(48 + (n + 1) * 32);
}

Value struct_get_format(Value self) {
  Value f = as_struct(self)->format;
  if (!is_bytes(f)) return f;
  return str_from_utf8(f.as<Bytes>()->view());
}
Value struct_get_size(Value self) { return int_from_i64(as_struct(self)->size); }

const MethodDef kStructMethods[] = {
    {"iter_unpack", struct_iter_unpack, MethodFlag::kOneArg, nullptr},
    {"pack", struct_pack, MethodFlag::kVarArgs, nullptr},
    {"pack_into", struct_pack_into, MethodFlag::kVarArgs, nullptr},
    {"unpack", struct_unpack, MethodFlag::kOneArg, nullptr},
    {"unpack_from", struct_unpack_from, MethodFlag::kVarArgs | MethodFlag::kKeywords, nullptr},
    {"__sizeof__", struct_sizeof, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kStructGetSets[] = {
    {"format", struct_get_format, nullptr, "struct format string"},
    {"size", struct_get_size, nullptr, "struct size in bytes"},
    {nullptr, nullptr},
};

// ---- module functions ------------------------------------------------------------------------

// cache_struct_converter: Struct(fmt), remembered by the format object.
StructObject* cached_struct(Value fmt) {
  Value s = dict_get(g_cache, fmt);
  if (s) return as_struct(s);
  if (has_error()) return nullptr;
  s = call1(g_struct, fmt);
  if (!s) return nullptr;
  if (dict_size(g_cache) >= kMaxCache) dict_clear(g_cache);
  if (!dict_set(g_cache, fmt, s)) clear_error();
  return as_struct(s);
}

Value mod_calcsize(Value, const Value* args, size_t, Tuple*) {
  StructObject* s = cached_struct(args[0]);
  if (!s) return {};
  return int_from_i64(s->size);
}

Value mod_pack(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1) return raise(exc::TypeError, "missing format argument");
  StructObject* s = cached_struct(args[0]);
  if (!s) return {};
  return do_pack(s, args + 1, nargs - 1);
}

Value mod_pack_into(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1) return raise(exc::TypeError, "missing format argument");
  StructObject* s = cached_struct(args[0]);
  if (!s) return {};
  return do_pack_into(s, args + 1, nargs - 1);
}

Value mod_unpack(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("unpack", nargs, 2, 2)) return {};
  StructObject* s = cached_struct(args[0]);
  if (!s) return {};
  return do_unpack(s, args[1]);
}

Value mod_unpack_from(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", "buffer", "offset", nullptr};
  Value format, buffer, offset;
  ArgSpec spec{"unpack_from", kNames, 2, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&format, &buffer, &offset})) return {};
  StructObject* s = cached_struct(format);
  if (!s) return {};
  return do_unpack_from(s, buffer, offset);
}

Value mod_iter_unpack(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("iter_unpack", nargs, 2, 2)) return {};
  StructObject* s = cached_struct(args[0]);
  if (!s) return {};
  return do_iter_unpack(s, args[1]);
}

Value mod_clearcache(Value, const Value*, size_t, Tuple*) {
  dict_clear(g_cache);
  return none();
}

const MethodDef kFunctions[] = {
    {"_clearcache", mod_clearcache, MethodFlag::kNoArgs, "Clear the internal cache."},
    {"calcsize", mod_calcsize, MethodFlag::kOneArg,
     "Return the size in bytes of the struct described by the format string."},
    {"iter_unpack", mod_iter_unpack, MethodFlag::kVarArgs,
     "Return an iterator of tuples unpacked from the buffer, one struct at a time."},
    {"pack", mod_pack, MethodFlag::kVarArgs,
     "Return bytes holding the values packed by the format string."},
    {"pack_into", mod_pack_into, MethodFlag::kVarArgs,
     "Pack the values by the format string into a writable buffer at an offset."},
    {"unpack", mod_unpack, MethodFlag::kVarArgs,
     "Return a tuple of the values a buffer holds by the format string."},
    {"unpack_from", mod_unpack_from, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Return a tuple of the values unpacked from a buffer, starting at an offset."},
    {nullptr, nullptr, 0},
};

void make_types() {
  {
    gc::LayoutInfo info;
    info.name = "_struct.Struct";
    info.trace = trace_struct;
    info.fixed_size = sizeof(StructObject);
    TypeSpec spec;
    spec.name = "Struct";
    spec.module = "_struct";
    spec.layout = gc::register_layout(info);
    spec.instance_size = sizeof(StructObject);
    spec.flags = TypeFlag::kBaseType;
    spec.trace = trace_struct;
    spec.slots.new_ = struct_new;
    spec.slots.init = struct_init;
    spec.methods = kStructMethods;
    spec.getsets = kStructGetSets;
    spec.doc = "Struct(format)\n\nA compiled struct format: pack and unpack values by it.";
    make_builtin_type(&g_struct, spec);
  }
  {
    gc::LayoutInfo info;
    info.name = "_struct.unpack_iterator";
    info.trace = trace_unpack_iter;
    info.finalize = finalize_unpack_iter;
    info.fixed_size = sizeof(UnpackIter);
    TypeSpec spec;
    spec.name = "unpack_iterator";
    spec.module = "_struct";
    spec.layout = gc::register_layout(info);
    spec.instance_size = sizeof(UnpackIter);
    spec.trace = trace_unpack_iter;
    spec.slots.new_ = unpack_iter_new;
    spec.slots.iter = unpack_iter_self;
    spec.slots.next = unpack_iter_next;
    spec.methods = kUnpackIterMethods;
    make_builtin_type(&g_unpack_iter, spec);
  }
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("struct"));
  Value t = type_new(types::type, intern("error"), tuple_of({Value(exc::Exception)}), d, nullptr,
                     nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make struct.error\n");
    std::abort();
  }
  g_error = t.as<Type>();
  gc::add_root(reinterpret_cast<void**>(&g_error));
  g_cache = dict_new();
  gc::add_root(reinterpret_cast<void**>(&g_cache));
}

}  // namespace

Module* make_struct_module() {
  if (!g_struct) make_types();
  Module* m = module_new(intern("_struct"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Functions to convert between Python values and C structs.\n\n"
                             "Python bytes objects hold the packed data; a format string "
                             "describes the layout\n(byte order, sizes, alignment) and the "
                             "conversion of each item."));
  dict_set_str(m->dict, intern("Struct"), g_struct);
  dict_set_str(m->dict, intern("error"), g_error);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_struct")));
  return m;
}

}  // namespace pyrite::python
