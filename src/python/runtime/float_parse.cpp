// float(str). See docs/runtime.md, "Numbers".
//
// Validation and underscore removal are done here; the digits then go to
// std::from_chars, which rounds correctly. Out-of-range results are told
// apart (inf vs 0) from the decimal exponent of the first significant digit.
#include "python/runtime/float_parse.h"

#include <charconv>
#include <cmath>
#include <string>

namespace pyrite::python::runtime {
namespace {

bool is_space(char c) {
  // Only ASCII's six: CPython maps non-ASCII spaces to ' ' before parsing
  // but leaves \x1c-\x1f alone, and they are then invalid.
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

// Copies a digit run with single underscores between digits into out;
// returns the number of digits, or -1 if the underscores are misplaced.
int64_t copy_digits(std::string_view s, size_t& i, std::string& out) {
  int64_t n = 0;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      out.push_back(s[i++]);
      ++n;
    } else if (s[i] == '_' && n > 0 && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return n;
}

}  // namespace

std::optional<double> parse_float(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  s = s.substr(b, e - b);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (equals_nocase(s, "inf") || equals_nocase(s, "infinity")) return negative ? -HUGE_VAL : HUGE_VAL;
  if (equals_nocase(s, "nan")) return negative ? -std::nan("") : std::nan("");

  std::string clean;
  size_t i = 0;
  int64_t int_digits = copy_digits(s, i, clean);
  int64_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    clean.push_back('.');
    ++i;
    frac_digits = copy_digits(s, i, clean);
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  int64_t exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    clean.push_back('e');
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      eneg = s[i] == '-';
      clean.push_back(s[i++]);
    }
    size_t start = clean.size();
    if (copy_digits(s, i, clean) == 0) return std::nullopt;
    for (size_t k = start; k < clean.size() && exp < 100000000; ++k) exp = exp * 10 + (clean[k] - '0');
    if (eneg) exp = -exp;
  }
  if (i != s.size()) return std::nullopt;

  double v = 0;
  auto r = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    // Decimal exponent of the first nonzero digit decides inf or zero.
    size_t first = clean.find_first_of("123456789");
    size_t point = clean.find('.');
    if (point == std::string::npos) point = clean.find('e');
    if (point == std::string::npos) point = clean.size();
    if (first == std::string::npos || first > clean.find('e')) {
      v = 0.0;  // all mantissa digits are zero
    } else {
      int64_t lead = first < point ? static_cast<int64_t>(point - first)
                                   : -static_cast<int64_t>(first - point) + 1;
      v = lead + exp > 0 ? HUGE_VAL : 0.0;
    }
  } else if (r.ec != std::errc() || r.ptr != clean.data() + clean.size()) {
    return std::nullopt;
  }
  return negative ? -v : v;
}

}  // namespace pyrite::python::runtime
