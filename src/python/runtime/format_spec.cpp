// The format-spec mini-language and the shared number layout (sign, prefix,
// grouping, padding); format() of str and int. See docs/runtime.md, "Numbers".
//
// Error order follows CPython 3.11 exactly (tests/unit/data/int_cases.txt pins
// it): the parser reports syntax and grouping errors, each type's formatter
// then reports what that type forbids.
#include "python/runtime/format_spec.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <vector>

#include "python/runtime/bigint.h"
#include "python/runtime/codecs.h"
#include "python/runtime/float_format.h"

namespace pyrite::python::runtime {

static_assert(bigint::kDefaultMaxStrDigits == 4300, "format_spec.h spells the default limit as 4300");

namespace {

// Decodes well-formed (or surrogate-carrying) UTF-8; a stray byte decodes as
// itself so malformed input cannot loop.
std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += len;
  }
  return out;
}

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// CPython prints codes 33..127 as themselves (DEL too) and others as \x<hex>.
std::string code_text(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, static_cast<uint32_t>(c), 16);
  return "\\x" + std::string(buf, r.ptr);
}

std::string fill_run(char32_t fill, int64_t n) {
  std::string f;
  append_utf8(fill, &f);
  std::string out;
  out.reserve(f.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += f;
  return out;
}

// Separates digits into groups of group_size from the right; while min_width
// is unmet it keeps producing groups of zeros, so zero padding is grouped too
// (format(1234, '09,') == '0,001,234': a separator is never the first char).
std::string group_digits(std::string_view digits, char sep, int group_size, int64_t min_width) {
  std::string rev;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t end = digits.size();
  for (;;) {
    int64_t len = std::min<int64_t>(std::max<int64_t>({remaining, min_width, 1}), group_size);
    int64_t take = std::min(len, remaining);
    for (int64_t i = 0; i < take; ++i) rev.push_back(digits[--end]);
    for (int64_t i = take; i < len; ++i) rev.push_back('0');
    remaining -= take;
    min_width -= len;
    if (remaining <= 0 && min_width <= 0) break;
    rev.push_back(sep);
    --min_width;
  }
  return std::string(rev.rbegin(), rev.rend());
}

}  // namespace

size_t count_code_points(std::string_view utf8) {
  size_t n = 0;
  for (char ch : utf8) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

NumError unknown_format_code(char32_t type, std::string_view type_name) {
  return NumError::value("Unknown format code '" + code_text(type) + "' for object of type '" +
                         std::string(type_name) + "'");
}

NumResult<FormatSpec> parse_format_spec(std::string_view spec_text, std::string_view type_name,
                                        char32_t default_type, char default_align) {
  std::vector<char32_t> cps = decode_utf8(spec_text);
  size_t pos = 0, end = cps.size();
  FormatSpec spec;
  spec.align = default_align;
  spec.type = default_type;
  bool fill_given = false, align_given = false;

  if (end - pos >= 2 && is_align(cps[pos + 1])) {
    spec.fill = cps[pos];
    spec.align = static_cast<char>(cps[pos + 1]);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(cps[pos])) {
    spec.align = static_cast<char>(cps[pos]);
    align_given = true;
    ++pos;
  }
  if (pos < end && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
    spec.sign = static_cast<char>(cps[pos++]);
  }
  if (pos < end && cps[pos] == 'z') {
    spec.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && cps[pos] == '#') {
    spec.alternate = true;
    ++pos;
  }
  // A leading '0' means zero padding only when no fill was given; for numbers
  // it also selects '=' alignment (str keeps its default '<' since 3.10).
  if (pos < end && cps[pos] == '0' && !fill_given) {
    spec.fill = '0';
    if (!align_given && default_align == '>') spec.align = '=';
    ++pos;
  }
  auto read_int = [&](int64_t* out) -> NumResult<bool> {
    size_t start = pos;
    int64_t acc = 0;
    while (pos < end && cps[pos] >= '0' && cps[pos] <= '9') {
      int d = static_cast<int>(cps[pos] - '0');
      if (acc > (std::numeric_limits<int64_t>::max() - d) / 10) {
        return NumError::value("Too many decimal digits in format string");
      }
      acc = acc * 10 + d;
      ++pos;
    }
    if (pos == start) return false;
    *out = acc;
    return true;
  };
  if (auto r = read_int(&spec.width); !r.ok()) return r.error;

  if (pos < end && cps[pos] == ',') {
    spec.grouping = ',';
    ++pos;
  }
  if (pos < end && cps[pos] == '_') {
    if (spec.grouping != 0) return NumError::value("Cannot specify both ',' and '_'.");
    spec.grouping = '_';
    ++pos;
  }
  if (pos < end && cps[pos] == ',' && spec.grouping == '_') {
    return NumError::value("Cannot specify both ',' and '_'.");
  }
  if (pos < end && cps[pos] == '.') {
    ++pos;
    auto r = read_int(&spec.precision);
    if (!r.ok()) return r.error;
    if (!r.value) return NumError::value("Format specifier missing precision");
  }
  if (end - pos > 1) {
    return NumError::value("Invalid format specifier '" + std::string(spec_text) +
                           "' for object of type '" + std::string(type_name) + "'");
  }
  if (end - pos == 1) spec.type = cps[pos];

  if (spec.grouping != 0) {
    switch (spec.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'F': case 'G': case '%': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (spec.grouping == '_') break;
        [[fallthrough]];
      default:
        return NumError::value(std::string("Cannot specify '") + spec.grouping + "' with '" +
                               code_text(spec.type) + "'.");
    }
  }
  return spec;
}

std::string pad(std::string_view body, size_t body_cps, const FormatSpec& spec) {
  if (spec.width <= static_cast<int64_t>(body_cps)) return std::string(body);
  int64_t n = spec.width - static_cast<int64_t>(body_cps);
  int64_t left = spec.align == '<' ? 0 : spec.align == '^' ? n / 2 : n;
  std::string out = fill_run(spec.fill, left);
  out += body;
  out += fill_run(spec.fill, n - left);
  return out;
}

std::string layout_number(const NumberParts& parts, const FormatSpec& spec, int group_size) {
  std::string_view sign = parts.negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
  std::string digits(parts.int_digits);
  if (spec.grouping != 0 && !parts.int_digits.empty()) {
    int64_t min_width = 0;
    if (spec.fill == '0' && spec.align == '=' && spec.width > 0) {
      min_width = spec.width - static_cast<int64_t>(sign.size() + parts.prefix.size() + parts.rest.size());
    }
    digits = group_digits(parts.int_digits, spec.grouping, group_size, min_width);
  }
  int64_t len = static_cast<int64_t>(sign.size() + parts.prefix.size() + digits.size() + parts.rest.size());
  int64_t n = spec.width > len ? spec.width - len : 0;
  std::string out;
  if (n > 0 && spec.align != '<' && spec.align != '=') {
    out = fill_run(spec.fill, spec.align == '^' ? n / 2 : n);
  }
  out += sign;
  out += parts.prefix;
  if (n > 0 && spec.align == '=') out += fill_run(spec.fill, n);
  out += digits;
  out += parts.rest;
  if (n > 0 && spec.align == '<') out += fill_run(spec.fill, n);
  if (n > 0 && spec.align == '^') out += fill_run(spec.fill, n - n / 2);
  return out;
}

NumResult<std::string> format_str(std::string_view utf8, const FormatSpec& spec) {
  if (spec.type != 's' && spec.type != 0) return unknown_format_code(spec.type, "str");
  if (spec.sign == ' ') return NumError::value("Space not allowed in string format specifier");
  if (spec.sign != 0) return NumError::value("Sign not allowed in string format specifier");
  if (spec.no_neg_zero) {
    return NumError::value("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) {
    return NumError::value("Alternate form (#) not allowed in string format specifier");
  }
  if (spec.align == '=') {
    return NumError::value("'=' alignment not allowed in string format specifier");
  }
  size_t cps = count_code_points(utf8);
  std::string_view body = utf8;
  if (spec.precision >= 0 && static_cast<uint64_t>(spec.precision) < cps) {
    size_t i = 0, kept = 0;
    while (i < utf8.size()) {
      if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) {
        if (kept == static_cast<size_t>(spec.precision)) break;
        ++kept;
      }
      ++i;
    }
    body = utf8.substr(0, i);
    cps = kept;
  }
  return pad(body, cps, spec);
}

namespace {

// The int formatter once the value's sign and magnitude digits are at hand:
// `digits(base, upper)` yields the magnitude in that base, `as_double()` the
// correctly rounded float for the float types, `as_char()` the code point
// (or an error) for 'c'.
template <class Digits, class AsDouble, class AsChar>
NumResult<std::string> format_int_core(bool negative, Digits digits, AsDouble as_double,
                                       AsChar as_char, const FormatSpec& spec,
                                       std::string_view type_name) {
  int base = 10;
  std::string_view prefix;
  switch (spec.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      NumResult<double> d = as_double();
      if (!d.ok()) return d.error;
      return format_float(d.value, spec, "float");
    }
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'd': case 'n': case 0: case 'c': break;
    default: return unknown_format_code(spec.type, type_name);
  }
  if (spec.precision >= 0) return NumError::value("Precision not allowed in integer format specifier");
  if (spec.no_neg_zero) {
    return NumError::value("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (spec.type == 'c') {
    if (spec.sign != 0) return NumError::value("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      return NumError::value("Alternate form (#) not allowed with integer format specifier 'c'");
    }
    NumResult<char32_t> c = as_char();
    if (!c.ok()) return c.error;
    std::string body;
    append_utf8(c.value, &body);  // codecs.h: lone surrogates as 3 bytes
    return pad(body, 1, spec);
  }
  NumResult<std::string> mag = digits(base, spec.type == 'X');
  if (!mag.ok()) return mag.error;
  NumberParts parts;
  parts.negative = negative;
  if (spec.alternate) parts.prefix = prefix;
  parts.int_digits = mag.value;
  return layout_number(parts, spec, base == 10 ? 3 : 4);
}

std::string u64_digits(uint64_t m, int base, bool upper) {
  char buf[80];
  auto r = std::to_chars(buf, buf + sizeof buf, m, base);
  std::string s(buf, r.ptr);
  if (upper) for (char& c : s) if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

uint64_t magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// |v| in base; decimal output is held to max_digits (0: no limit).
NumResult<std::string> mpz_digits(mpz_srcptr v, int base, bool upper, size_t max_digits) {
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, v);
  NumResult<std::string> out;
  if (base == 10) {
    out = bigint::to_decimal(a, max_digits);
  } else {
    std::string s(mpz_sizeinbase(a, base) + 2, '\0');
    mpz_get_str(s.data(), upper ? -base : base, a);
    s.resize(std::char_traits<char>::length(s.c_str()));
    out = std::move(s);
  }
  mpz_clear(a);
  return out;
}

NumError char_range_error() { return NumError::overflow("%c arg not in range(0x110000)"); }

}  // namespace

NumResult<std::string> format_int(int64_t v, const FormatSpec& spec, std::string_view type_name) {
  return format_int_core(
      v < 0, [&](int base, bool upper) -> NumResult<std::string> { return u64_digits(magnitude(v), base, upper); },
      [&]() -> NumResult<double> { return static_cast<double>(v); },
      [&]() -> NumResult<char32_t> {
        if (v < 0 || v > 0x10FFFF) return char_range_error();
        return static_cast<char32_t>(v);
      },
      spec, type_name);
}

NumResult<std::string> format_int(mpz_srcptr v, const FormatSpec& spec, size_t max_digits,
                                  std::string_view type_name) {
  return format_int_core(
      mpz_sgn(v) < 0, [&](int base, bool upper) { return mpz_digits(v, base, upper, max_digits); },
      [&]() { return bigint::to_double(v); },
      [&]() -> NumResult<char32_t> {
        if (!mpz_fits_slong_p(v)) return NumError::overflow("Python int too large to convert to C long");
        long c = mpz_get_si(v);
        if (c < 0 || c > 0x10FFFF) return char_range_error();
        return static_cast<char32_t>(c);
      },
      spec, type_name);
}

std::string percent_layout(bool negative, std::string_view prefix, std::string_view body,
                           const PercentSpec& spec) {
  std::string_view sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  int64_t len = static_cast<int64_t>(sign.size() + prefix.size() + body.size());
  int64_t n = spec.width > len ? spec.width - len : 0;
  std::string out;
  if (n > 0 && !spec.left && !spec.zero) out.append(static_cast<size_t>(n), ' ');
  out += sign;
  out += prefix;
  if (n > 0 && !spec.left && spec.zero) out.append(static_cast<size_t>(n), '0');
  out += body;
  if (n > 0 && spec.left) out.append(static_cast<size_t>(n), ' ');
  return out;
}

namespace {

std::string percent_int_core(bool negative, std::string digits, const PercentSpec& spec) {
  std::string_view prefix;
  if (spec.alternate) {
    if (spec.type == 'o') prefix = "0o";
    if (spec.type == 'x') prefix = "0x";
    if (spec.type == 'X') prefix = "0X";
  }
  if (spec.precision > static_cast<int64_t>(digits.size())) {
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  return percent_layout(negative, prefix, digits, spec);
}

int percent_base(char type) { return type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10; }

}  // namespace

std::string percent_format_int(int64_t v, const PercentSpec& spec) {
  return percent_int_core(v < 0, u64_digits(magnitude(v), percent_base(spec.type), spec.type == 'X'), spec);
}

NumResult<std::string> percent_format_int(mpz_srcptr v, const PercentSpec& spec, size_t max_digits) {
  NumResult<std::string> digits = mpz_digits(v, percent_base(spec.type), spec.type == 'X', max_digits);
  if (!digits.ok()) return digits.error;
  return percent_int_core(mpz_sgn(v) < 0, std::move(digits.value), spec);
}

std::string percent_format_int(mpz_srcptr v, const PercentSpec& spec) {
  return percent_format_int(v, spec, 0).value;  // no limit: cannot fail
}

}  // namespace pyrite::python::runtime
