// Float to text: repr, format(), %-conversions, round(x, n). See
// docs/runtime.md, "Numbers".
//
// std::to_chars produces the digits (shortest round-trip without a
// precision, exactly rounded with one); everything here is layout: where the
// point goes, when the exponent form is used, '#', and Python's "add .0"
// rule. Mode names follow Python's: 'r' repr, 'e', 'f', 'g'.
#include "python/runtime/float_format.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "base/check.h"

namespace pyrite::python::runtime {
namespace {

// CPython keeps precisions in a C int: "precision too big" beyond.
constexpr int64_t kMaxPrecision = 2147483647;

// A finite, non-negative value as decimal digits d1d2...dn with
// value = 0.d1d2...dn * 10^decpt (so decpt is the number of integer digits).
struct Digits {
  std::string digits;
  int decpt = 0;
};

// to_chars in scientific form, then split into digits and decpt.
Digits scientific_digits(double ax, int precision /* -1: shortest */) {
  // The common short cases stay on the stack; repr runs this on every float.
  char small[96];
  std::vector<char> large;
  char* buf = small;
  size_t size = sizeof small;
  if (precision > 60) {
    large.resize(static_cast<size_t>(precision) + 64);
    buf = large.data();
    size = large.size();
  }
  std::to_chars_result r =
      precision < 0 ? std::to_chars(buf, buf + size, ax, std::chars_format::scientific)
                    : std::to_chars(buf, buf + size, ax, std::chars_format::scientific, precision);
  PYR_CHECK(r.ec == std::errc());
  Digits d;
  const char* p = buf;
  for (; p < r.ptr && *p != 'e'; ++p) {
    if (*p != '.') d.digits.push_back(*p);
  }
  int exp = 0;
  std::from_chars(p + 1 + (p[1] == '+'), r.ptr, exp);
  d.decpt = exp + 1;
  return d;
}

// The body (no sign) of a finite non-negative value. precision is the digits
// after the point for 'e'/'f', significant digits for 'g', unused for 'r'.
// add_dot_0 is Python's rule for type '' and repr: an integral fixed-point
// result gets ".0", and 'g' switches to the exponent one position earlier.
std::string float_body(double ax, char mode, int64_t precision, bool alt, bool add_dot_0, bool upper) {
  if (mode == 'f') {
    std::vector<char> buf(static_cast<size_t>(precision) + 330);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), ax, std::chars_format::fixed,
                           static_cast<int>(precision));
    PYR_CHECK(r.ec == std::errc());
    std::string s(buf.data(), r.ptr);
    if (alt && precision == 0) s.push_back('.');
    return s;
  }
  Digits d;
  bool use_exp = false;
  size_t min_digits = 1;  // significant digits kept even when zeros
  if (mode == 'r') {
    d = scientific_digits(ax, -1);
    use_exp = d.decpt <= -4 || d.decpt > 16;
  } else if (mode == 'e') {
    d = scientific_digits(ax, static_cast<int>(precision));
    use_exp = true;
    min_digits = static_cast<size_t>(precision) + 1;
  } else {
    int64_t p = precision == 0 ? 1 : precision;
    d = scientific_digits(ax, static_cast<int>(p - 1));
    use_exp = d.decpt <= -4 || d.decpt > p - (add_dot_0 ? 1 : 0);
    if (alt) min_digits = static_cast<size_t>(p);
  }
  while (d.digits.size() > min_digits && d.digits.back() == '0') d.digits.pop_back();

  int exp = 0;
  if (use_exp) {
    exp = d.decpt - 1;
    d.decpt = 1;
  }
  std::string out;
  std::string_view frac;
  if (d.decpt <= 0) {
    out = "0";
  } else if (static_cast<size_t>(d.decpt) >= d.digits.size()) {
    out = d.digits;
    out.append(static_cast<size_t>(d.decpt) - d.digits.size(), '0');
  } else {
    out = d.digits.substr(0, static_cast<size_t>(d.decpt));
    frac = std::string_view(d.digits).substr(static_cast<size_t>(d.decpt));
  }
  if (d.decpt <= 0) {
    out.push_back('.');
    out.append(static_cast<size_t>(-d.decpt), '0');
    out += d.digits;
  } else if (!frac.empty()) {
    out.push_back('.');
    out += frac;
  } else if (add_dot_0 && !use_exp) {
    out += ".0";
  } else if (alt) {
    out.push_back('.');
  }
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    out.push_back(exp < 0 ? '-' : '+');
    int ae = exp < 0 ? -exp : exp;
    if (ae < 10) out.push_back('0');
    out += std::to_string(ae);
  }
  return out;
}

// Whether a formatted body shows zero: every mantissa digit is '0' (the
// exponent of a zero is always 00). Used by 'z'.
bool shows_zero(std::string_view body) {
  for (char c : body) {
    if (c == 'e' || c == 'E' || c == '%') break;
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}

}  // namespace

std::string repr_double(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string body = float_body(std::fabs(x), 'r', 0, false, true, false);
  return std::signbit(x) ? "-" + body : body;
}

NumResult<std::string> format_float(double x, const FormatSpec& spec, std::string_view type_name) {
  char mode;
  bool add_dot_0 = false;
  int64_t precision = spec.precision < 0 ? 6 : spec.precision;
  std::string_view suffix;
  switch (spec.type) {
    case 0:
      add_dot_0 = true;
      mode = spec.precision < 0 ? 'r' : 'g';
      break;
    case 'e': case 'E': mode = 'e'; break;
    case 'f': case 'F': mode = 'f'; break;
    case 'g': case 'G': case 'n': mode = 'g'; break;
    case '%':
      mode = 'f';
      x *= 100;
      suffix = "%";
      break;
    default:
      return unknown_format_code(spec.type, type_name);
  }
  if (precision > kMaxPrecision) return NumError::value("precision too big");
  bool upper = spec.type == 'E' || spec.type == 'F' || spec.type == 'G';
  bool negative = !std::isnan(x) && std::signbit(x);
  std::string body;
  if (!std::isfinite(x)) {
    body = std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
  } else {
    body = float_body(std::fabs(x), mode, precision, spec.alternate, add_dot_0, upper);
    if (negative && spec.no_neg_zero && shows_zero(body)) negative = false;
  }
  body += suffix;
  size_t int_len = 0;
  if (std::isfinite(x)) {
    while (int_len < body.size() && body[int_len] >= '0' && body[int_len] <= '9') ++int_len;
  }
  NumberParts parts;
  parts.negative = negative;
  parts.int_digits = std::string_view(body).substr(0, int_len);
  parts.rest = std::string_view(body).substr(int_len);
  return layout_number(parts, spec, 3);
}

NumResult<std::string> percent_format_float(double x, const PercentSpec& spec) {
  char mode = spec.type == 'e' || spec.type == 'E' ? 'e' : spec.type == 'f' || spec.type == 'F' ? 'f' : 'g';
  bool upper = spec.type == 'E' || spec.type == 'F' || spec.type == 'G';
  int64_t precision = spec.precision < 0 ? 6 : spec.precision;
  if (precision > kMaxPrecision) return NumError::value("precision too big");
  std::string body;
  if (std::isnan(x)) {
    body = upper ? "NAN" : "nan";
  } else if (std::isinf(x)) {
    body = upper ? "INF" : "inf";
  } else {
    body = float_body(std::fabs(x), mode, precision, spec.alternate, false, upper);
  }
  return percent_layout(!std::isnan(x) && std::signbit(x), "", body, spec);
}

NumResult<double> round_double(double x, int64_t ndigits) {
  // Past these bounds every double is unchanged, or rounds to a signed zero
  // (the bounds are CPython's: the longest exact fraction has 1074 binary,
  // so fewer than 324 significant decimal, places).
  if (!std::isfinite(x) || x == 0.0 || ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  if (ndigits >= 0 && ndigits <= 22) {
    // Fast path: to_chars with a precision rounds the exact binary value
    // half-even (checked against the exact path below on millions of
    // values, dyadic ties included), and the result cannot overflow.
    char buf[400];
    auto w = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, static_cast<int>(ndigits));
    PYR_CHECK(w.ec == std::errc());
    double r = 0;
    std::from_chars(buf, w.ptr, r);
    return r;
  }
  // The exact decimal expansion (a double has at most 767 significant
  // digits), rounded half-even by hand: the tie must be judged on the exact
  // value, not on a shorter rendering.
  Digits d = scientific_digits(std::fabs(x), 800);
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  int64_t keep = d.decpt + ndigits;  // digits kept
  if (keep >= static_cast<int64_t>(d.digits.size())) return x;
  std::string kept;
  int64_t new_decpt = d.decpt;
  bool up;
  if (keep < 0) {
    return 0.0 * x;
  } else {
    char next = d.digits[static_cast<size_t>(keep)];
    bool rest_nonzero = d.digits.find_first_not_of('0', static_cast<size_t>(keep) + 1) != std::string::npos;
    bool prev_odd = keep > 0 && ((d.digits[static_cast<size_t>(keep) - 1] - '0') & 1);
    up = next > '5' || (next == '5' && (rest_nonzero || prev_odd));
    kept = d.digits.substr(0, static_cast<size_t>(keep));
  }
  if (up) {
    int64_t i = static_cast<int64_t>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<size_t>(i)] == '9') kept[static_cast<size_t>(i--)] = '0';
    if (i < 0) {
      kept.insert(kept.begin(), '1');
      ++new_decpt;
    } else {
      ++kept[static_cast<size_t>(i)];
    }
  }
  if (kept.empty() || kept.find_first_not_of('0') == std::string::npos) return 0.0 * x;
  std::string text = "0." + kept + "e" + std::to_string(new_decpt);
  double r = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), r);
  if (res.ec == std::errc::result_out_of_range || std::isinf(r)) {
    return NumError::overflow("rounded value too large to represent");
  }
  return std::signbit(x) ? -r : r;
}

double round_half_even(double x) { return std::nearbyint(x); }

}  // namespace pyrite::python::runtime
