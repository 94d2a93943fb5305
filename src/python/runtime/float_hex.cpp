// float.hex() and float.fromhex(). See docs/runtime.md, "Numbers".
//
// fromhex keeps the first 16 significant hex digits (64 bits) exactly and
// folds the rest into a sticky bit; compose_double does the single rounding.
#include "python/runtime/float_hex.h"

#include <cmath>
#include <cstring>

#include "python/runtime/float_compose.h"

namespace pyrite::python::runtime {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

NumError invalid() { return NumError::value("invalid hexadecimal floating-point string"); }

}  // namespace

std::string float_hex(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0) return out + "0x0.0p+0";
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = static_cast<int>((bits >> 52) & 0x7FF);
  uint64_t frac = bits & ((uint64_t{1} << 52) - 1);
  int exp = biased == 0 ? -1022 : biased - 1023;
  out += biased == 0 ? "0x0." : "0x1.";
  static const char kHex[] = "0123456789abcdef";
  for (int shift = 48; shift >= 0; shift -= 4) out.push_back(kHex[(frac >> shift) & 0xF]);
  out += exp < 0 ? "p-" : "p+";
  out += std::to_string(exp < 0 ? -exp : exp);
  return out;
}

NumResult<double> float_fromhex(std::string_view s) {
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
  size_t i = 0;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) i = 2;

  // Significant digits: m holds the first 16 after leading zeros.
  uint64_t m = 0;
  int taken = 0;
  bool sticky = false;
  int64_t exp2 = 0;  // value = m * 2^exp2 (+ sticky)
  bool any_digit = false;
  auto take = [&](int v, bool fractional) {
    any_digit = true;
    if (taken == 0 && v == 0) {
      if (fractional) exp2 -= 4;
      return;
    }
    if (taken < 16) {
      m = (m << 4) | static_cast<uint64_t>(v);
      ++taken;
      if (fractional) exp2 -= 4;
    } else {
      sticky |= v != 0;
      if (!fractional) exp2 += 4;
    }
  };
  for (; i < s.size() && hex_value(s[i]) >= 0; ++i) take(hex_value(s[i]), false);
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && hex_value(s[i]) >= 0; ++i) take(hex_value(s[i]), true);
  }
  if (!any_digit) return invalid();
  if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i == s.size() || s[i] < '0' || s[i] > '9') return invalid();
    int64_t pe = 0;
    // Saturate: beyond 2^40 every result is 0 or overflows anyway.
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (pe < (int64_t{1} << 40)) pe = pe * 10 + (s[i] - '0');
    }
    exp2 += eneg ? -pe : pe;
  }
  if (i != s.size()) return invalid();
  double r;
  if (!compose_double(m, sticky, exp2, &r)) {
    return NumError::overflow("hexadecimal value too large to represent as a float");
  }
  return negative ? -r : r;
}

}  // namespace pyrite::python::runtime
