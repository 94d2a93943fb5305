// Big-integer algorithms over GMP mpz with Python's semantics. See
// docs/runtime.md, "Numbers".
//
// Conversions to float never use mpz_get_d (it truncates): they take the top
// 64 bits plus a sticky bit for the rest and round once in compose_double.
#include "python/runtime/bigint.h"

#include <charconv>
#include <cmath>

#include "base/check.h"
#include "python/runtime/float_compose.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/num_hash.h"

static_assert(GMP_NUMB_BITS == 64, "bigint assumes 64-bit GMP limbs");

namespace pyrite::python::runtime::bigint {
namespace {

// RAII for temporaries.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

bool is_space(char c) {
  // Only ASCII's six: CPython maps non-ASCII spaces to ' ' before parsing
  // but leaves \x1c-\x1f alone, and they are then invalid.
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

std::string limit_message(size_t max_digits) {
  return "Exceeds the limit (" + std::to_string(max_digits) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

// |v| as uint64 + sticky + exponent: |v| ~ (top + s) * 2^shift.
void top_bits(mpz_srcptr v, uint64_t* top, bool* sticky, int64_t* shift) {
  uint64_t n = mpz_sizeinbase(v, 2);
  if (mpz_sgn(v) == 0 || n <= 64) {
    *top = mpz_sgn(v) == 0 ? 0 : mpz_getlimbn(v, 0);
    *sticky = false;
    *shift = 0;
    return;
  }
  Mpz t;
  mpz_abs(t.v, v);
  uint64_t s = n - 64;
  *sticky = mpz_scan1(t.v, 0) < s;
  mpz_tdiv_q_2exp(t.v, t.v, s);
  *top = mpz_getlimbn(t.v, 0);
  *shift = static_cast<int64_t>(s);
}

}  // namespace

NumResult<std::string> to_decimal(mpz_srcptr v, size_t max_digits) {
  size_t estimate = mpz_sizeinbase(v, 10);  // exact or one too many
  if (max_digits != 0 && estimate > max_digits + 1) return NumError::value(limit_message(max_digits));
  std::string s(estimate + 2, '\0');
  mpz_get_str(s.data(), 10, v);
  s.resize(std::char_traits<char>::length(s.c_str()));
  size_t digits = s.size() - (s[0] == '-');
  if (max_digits != 0 && digits > max_digits) return NumError::value(limit_message(max_digits));
  return s;
}

std::string to_base(mpz_srcptr v, int base) {
  PYR_CHECK(base == 2 || base == 8 || base == 16);
  std::string out = mpz_sgn(v) < 0 ? "-" : "";
  out += base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  Mpz a;
  mpz_abs(a.v, v);
  std::string d(mpz_sizeinbase(a.v, base) + 2, '\0');
  mpz_get_str(d.data(), base, a.v);
  d.resize(std::char_traits<char>::length(d.c_str()));
  return out + d;
}

std::string invalid_literal_message(int base, std::string_view text_repr) {
  // CPython formats the repr with %.200R: at most 200 code points.
  size_t i = 0, cps = 0;
  while (i < text_repr.size()) {
    if ((static_cast<unsigned char>(text_repr[i]) & 0xC0) != 0x80) {
      if (cps == 200) break;
      ++cps;
    }
    ++i;
  }
  return "invalid literal for int() with base " + std::to_string(base) + ": " +
         std::string(text_repr.substr(0, i));
}

NumError parse_int(std::string_view s, int base, size_t max_digits, mpz_ptr out) {
  if (base != 0 && (base < 2 || base > 36)) {
    return NumError::value("int() base must be >= 2 and <= 36, or 0");
  }
  const NumError invalid{NumError::kValueError, ""};
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';

  auto prefix_at = [&](char lower) {
    return i + 1 < s.size() && s[i] == '0' && (s[i + 1] == lower || s[i + 1] == lower - 32);
  };
  // Base 0 reads the base from the prefix; a decimal literal may not start
  // with 0 unless it is all zeros ("00" and "0_0" are fine, "010" is not).
  bool must_be_zero = false;
  if (base == 0) {
    if (prefix_at('x')) base = 16;
    else if (prefix_at('o')) base = 8;
    else if (prefix_at('b')) base = 2;
    else if (i < s.size() && s[i] == '0') must_be_zero = true, base = 10;
    else base = 10;
  }
  if ((base == 16 && prefix_at('x')) || (base == 8 && prefix_at('o')) || (base == 2 && prefix_at('b'))) {
    i += 2;
    if (i < s.size() && s[i] == '_') ++i;  // "0x_1f" is valid
  }
  std::string digits;
  bool prev_underscore = false;
  size_t start = i;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      if (i == start || prev_underscore) return invalid;
      prev_underscore = true;
      continue;
    }
    if (digit_value(c) >= base) break;
    digits.push_back(c);
    prev_underscore = false;
  }
  if (prev_underscore || digits.empty()) return invalid;
  if (max_digits != 0 && (base & (base - 1)) != 0 && digits.size() > max_digits) {
    return NumError::value("Exceeds the limit (" + std::to_string(max_digits) +
                           " digits) for integer string conversion: value has " +
                           std::to_string(digits.size()) +
                           " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  while (i < s.size() && is_space(s[i])) ++i;
  if (i != s.size()) return invalid;
  if (must_be_zero && digits.find_first_not_of('0') != std::string::npos) return invalid;
  PYR_CHECK(mpz_set_str(out, digits.c_str(), base) == 0);
  if (negative) mpz_neg(out, out);
  return {};
}

NumResult<double> to_double(mpz_srcptr v) {
  uint64_t top;
  bool sticky;
  int64_t shift;
  top_bits(v, &top, &sticky, &shift);
  double r;
  if (!compose_double(top, sticky, shift, &r)) return NumError::overflow("int too large to convert to float");
  return mpz_sgn(v) < 0 ? -r : r;
}

NumResult<double> true_divide(mpz_srcptr a, mpz_srcptr b) {
  if (mpz_sgn(b) == 0) return NumError::zero_div("division by zero");
  bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sgn(a) == 0) return negative ? -0.0 : 0.0;
  int64_t na = static_cast<int64_t>(mpz_sizeinbase(a, 2));
  int64_t nb = static_cast<int64_t>(mpz_sizeinbase(b, 2));
  // Both exact in a double: one IEEE division is correctly rounded.
  if (na <= 53 && nb <= 53) return mpz_get_d(a) / mpz_get_d(b);
  // |a|/|b| lies in [2^(na-nb-1), 2^(na-nb+1)).
  if (na - nb - 1 >= 1024) return NumError::overflow("integer division result too large for a float");
  if (na - nb + 1 <= -1076) return negative ? -0.0 : 0.0;
  // Scale so the integer quotient has 63 or 64 bits; the remainder becomes
  // the sticky bit.
  int64_t s = 63 - (na - nb);
  Mpz num, den, q, r;
  mpz_abs(num.v, a);
  mpz_abs(den.v, b);
  if (s >= 0) mpz_mul_2exp(num.v, num.v, static_cast<mp_bitcnt_t>(s));
  else mpz_mul_2exp(den.v, den.v, static_cast<mp_bitcnt_t>(-s));
  mpz_tdiv_qr(q.v, r.v, num.v, den.v);
  PYR_DCHECK(mpz_sizeinbase(q.v, 2) <= 64);
  double out;
  if (!compose_double(mpz_getlimbn(q.v, 0), mpz_sgn(r.v) != 0, -s, &out)) {
    return NumError::overflow("integer division result too large for a float");
  }
  return negative ? -out : out;
}

NumError floor_divide(mpz_ptr q, mpz_srcptr a, mpz_srcptr b) {
  if (mpz_sgn(b) == 0) return NumError::zero_div("integer division or modulo by zero");
  mpz_fdiv_q(q, a, b);
  return {};
}

NumError modulo(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) {
  if (mpz_sgn(b) == 0) return NumError::zero_div("integer modulo by zero");
  mpz_fdiv_r(r, a, b);
  return {};
}

NumError divmod(mpz_ptr q, mpz_ptr r, mpz_srcptr a, mpz_srcptr b) {
  if (mpz_sgn(b) == 0) return NumError::zero_div("integer division or modulo by zero");
  mpz_fdiv_qr(q, r, a, b);
  return {};
}

NumError pow_mod(mpz_ptr out, mpz_srcptr base, mpz_srcptr exp, mpz_srcptr mod) {
  if (mpz_sgn(mod) == 0) return NumError::value("pow() 3rd argument cannot be 0");
  Mpz m, b;
  mpz_abs(m.v, mod);
  if (mpz_cmp_ui(m.v, 1) == 0) {
    mpz_set_ui(out, 0);
    return {};
  }
  mpz_set(b.v, base);
  Mpz e;
  mpz_set(e.v, exp);
  if (mpz_sgn(exp) < 0) {
    if (mpz_invert(b.v, b.v, m.v) == 0) return NumError::value("base is not invertible for the given modulus");
    mpz_neg(e.v, e.v);
  }
  mpz_powm(out, b.v, e.v, m.v);
  if (mpz_sgn(mod) < 0 && mpz_sgn(out) != 0) mpz_sub(out, out, m.v);
  return {};
}

NumError to_bytes(mpz_srcptr v, size_t length, bool little_endian, bool is_signed, std::vector<uint8_t>* out) {
  int sign = mpz_sgn(v);
  if (sign < 0 && !is_signed) return NumError::overflow("can't convert negative int to unsigned");
  uint64_t bits = length * 8;
  // Signed ranges are [-2^(bits-1), 2^(bits-1)); -2^k needs only k bits in
  // |v|-1, which is why negatives are measured one lower.
  Mpz mag;
  mpz_abs(mag.v, v);
  if (sign < 0) mpz_sub_ui(mag.v, mag.v, 1);
  uint64_t need = mpz_sgn(mag.v) == 0 ? 0 : mpz_sizeinbase(mag.v, 2);
  if (is_signed && (sign != 0)) ++need;  // room for the sign bit
  // CPython quirk kept for compatibility: (-1).to_bytes(0, signed=True) == b''.
  bool minus_one_in_nothing = sign < 0 && bits == 0 && mpz_cmp_si(v, -1) == 0;
  if (need > bits && !minus_one_in_nothing) return NumError::overflow("int too big to convert");
  out->assign(length, 0);
  Mpz t;
  if (sign < 0) {
    mpz_set_ui(t.v, 1);
    mpz_mul_2exp(t.v, t.v, bits);
    mpz_add(t.v, t.v, v);  // two's complement
  } else {
    mpz_set(t.v, v);
  }
  size_t count = 0;
  std::vector<uint8_t> tmp((mpz_sizeinbase(t.v, 2) + 7) / 8 + 1);
  mpz_export(tmp.data(), &count, -1, 1, 0, 0, t.v);  // little-endian bytes
  PYR_CHECK(count <= length);
  for (size_t k = 0; k < count; ++k) (*out)[little_endian ? k : length - 1 - k] = tmp[k];
  return {};
}

void from_bytes(mpz_ptr out, const uint8_t* data, size_t length, bool little_endian, bool is_signed) {
  if (length == 0) {
    mpz_set_ui(out, 0);
    return;
  }
  mpz_import(out, length, little_endian ? -1 : 1, 1, 0, 0, data);
  uint8_t top = little_endian ? data[length - 1] : data[0];
  if (is_signed && (top & 0x80)) {
    Mpz t;
    mpz_set_ui(t.v, 1);
    mpz_mul_2exp(t.v, t.v, length * 8);
    mpz_sub(out, out, t.v);
  }
}

uint64_t bit_length(mpz_srcptr v) { return mpz_sgn(v) == 0 ? 0 : mpz_sizeinbase(v, 2); }

uint64_t bit_count(mpz_srcptr v) {
  if (mpz_sgn(v) >= 0) return mpz_popcount(v);
  Mpz a;
  mpz_abs(a.v, v);
  return mpz_popcount(a.v);
}

int64_t hash_mpz(mpz_srcptr v) {
  return finish_numeric_hash(mpz_sgn(v) < 0, mpz_tdiv_ui(v, kHashModulus));
}

NumError lshift(mpz_ptr out, mpz_srcptr a, int64_t n) {
  if (n < 0) return NumError::value("negative shift count");
  if (mpz_sgn(a) == 0) {
    mpz_set_ui(out, 0);
    return {};
  }
  if (static_cast<uint64_t>(n) + mpz_sizeinbase(a, 2) > (uint64_t{1} << 37)) {
    return NumError{NumError::kMemoryError, ""};
  }
  mpz_mul_2exp(out, a, static_cast<mp_bitcnt_t>(n));
  return {};
}

NumError rshift(mpz_ptr out, mpz_srcptr a, int64_t n) {
  if (n < 0) return NumError::value("negative shift count");
  mpz_fdiv_q_2exp(out, a, static_cast<mp_bitcnt_t>(n));
  return {};
}

NumError from_double(mpz_ptr out, double x) {
  if (std::isnan(x)) return NumError::value("cannot convert float NaN to integer");
  if (std::isinf(x)) return NumError::overflow("cannot convert float infinity to integer");
  mpz_set_d(out, x);  // truncates, which is exactly int(x)
  return {};
}

NumError as_integer_ratio(double x, mpz_ptr num, mpz_ptr den) {
  if (std::isnan(x)) return NumError::value("cannot convert NaN to integer ratio");
  if (std::isinf(x)) return NumError::overflow("cannot convert Infinity to integer ratio");
  int e2;
  double frac = std::frexp(x, &e2);  // x = frac * 2^e2, |frac| in [0.5, 1)
  mpz_set_d(num, std::ldexp(frac, 53));  // exact: a 53-bit integer
  int64_t e = static_cast<int64_t>(e2) - 53;
  mpz_set_ui(den, 1);
  if (mpz_sgn(num) == 0) return {};
  // Lowest terms: move the numerator's trailing zero bits into the exponent.
  mp_bitcnt_t tz = mpz_scan1(num, 0);
  mpz_tdiv_q_2exp(num, num, tz);
  e += static_cast<int64_t>(tz);
  if (e >= 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(e));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-e));
  return {};
}

int compare_with_double(mpz_srcptr v, double x) {
  PYR_DCHECK(!std::isnan(x));
  if (std::isinf(x)) return x > 0 ? -1 : 1;
  // Compare v with trunc(x) exactly, then let x's fraction break a tie.
  double t = std::trunc(x);
  Mpz ti;
  mpz_set_d(ti.v, t);
  int c = mpz_cmp(v, ti.v);
  if (c != 0) return c > 0 ? 1 : -1;
  if (x == t) return 0;
  return x > t ? -1 : 1;
}

void round_int(mpz_ptr out, mpz_srcptr v, int64_t ndigits) {
  if (ndigits >= 0) {
    mpz_set(out, v);
    return;
  }
  // 10^k exceeds |v| * 2 once k passes v's digit count: the result is 0.
  uint64_t k = static_cast<uint64_t>(-(ndigits + 1)) + 1;
  if (k > mpz_sizeinbase(v, 10) + 1) {
    mpz_set_ui(out, 0);
    return;
  }
  Mpz pw, q, r, twice;
  mpz_ui_pow_ui(pw.v, 10, k);
  mpz_fdiv_qr(q.v, r.v, v, pw.v);  // v = q * pw + r, 0 <= r < pw
  mpz_mul_2exp(twice.v, r.v, 1);
  int c = mpz_cmp(twice.v, pw.v);
  if (c > 0 || (c == 0 && mpz_odd_p(q.v))) mpz_add_ui(q.v, q.v, 1);
  mpz_mul(out, q.v, pw.v);
}

NumError pow(mpz_ptr out, mpz_srcptr base, uint64_t e) {
  uint64_t bits = bit_length(base);
  // 0, 1 and -1 stay small whatever e is.
  if (bits <= 1) {
    if (mpz_sgn(base) == 0) mpz_set_ui(out, e == 0 ? 1 : 0);
    else if (mpz_sgn(base) > 0 || e % 2 == 0) mpz_set_ui(out, 1);
    else mpz_set_si(out, -1);
    return {};
  }
  if (e != 0 && (bits - 1) > (uint64_t{1} << 37) / e) return NumError{NumError::kMemoryError, ""};
  mpz_pow_ui(out, base, e);
  return {};
}

bool floor_divide_i64(int64_t a, int64_t b, int64_t* q) {
  PYR_DCHECK(b != 0);
  if (b == -1 && a == INT64_MIN) return false;
  int64_t t = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --t;
  *q = t;
  return true;
}

int64_t modulo_i64(int64_t a, int64_t b) {
  PYR_DCHECK(b != 0);
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

int64_t rshift_i64(int64_t a, uint64_t n) {
  if (n >= 63) return a < 0 ? -1 : 0;
  return a >> n;  // arithmetic shift floors (C++20 defines it for negatives)
}

}  // namespace pyrite::python::runtime::bigint
