// The format-spec mini-language ([[fill]align][sign][z][#][0][width][grouping]
// [.precision][type]) and the layout every number and string formatter shares:
// sign, prefix, digit grouping, padding. See docs/runtime.md, "Numbers".
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "python/runtime/num_error.h"

namespace pyrite::python::runtime {

// A parsed spec. Strings in and out are UTF-8; widths and padding count code
// points, as CPython's do. fill/align are already resolved (default alignment,
// the '0' flag), exactly as CPython's parser resolves them.
struct FormatSpec {
  char32_t fill = U' ';
  char align = '>';            // '<' '>' '^' '='
  char sign = 0;               // '+' '-' ' ' or 0 (not given)
  bool no_neg_zero = false;    // 'z'
  bool alternate = false;      // '#'
  int64_t width = -1;          // -1: not given
  char grouping = 0;           // ',' '_' or 0
  int64_t precision = -1;      // -1: not given
  char32_t type = 0;           // presentation type; 0: none
};

// Parses spec (the text after ':' in a replacement field). type_name is the
// object's type for "Invalid format specifier '...' for object of type 'T'";
// default_type is what an empty type means for the grouping check ('s' for str,
// 'd' for int, 0 for float); default_align is '<' for str, '>' for numbers.
NumResult<FormatSpec> parse_format_spec(std::string_view spec, std::string_view type_name,
                                        char32_t default_type, char default_align);

// "Unknown format code 'x' for object of type 'T'" with CPython's escaping of
// non-printable and non-ASCII codes.
NumError unknown_format_code(char32_t type, std::string_view type_name);

// Number of code points in UTF-8 text (counts non-continuation bytes).
size_t count_code_points(std::string_view utf8);

// Pads body (body_cps code points long) to spec.width with spec.fill following
// spec.align; '=' pads like '>' (a body without sign).
std::string pad(std::string_view body, size_t body_cps, const FormatSpec& spec);

// A number split for layout: [sign][prefix][int_digits][rest]. int_digits is
// what grouping separates (empty for inf/nan, which are never grouped); rest
// is the fraction, exponent and suffix. All parts are ASCII.
struct NumberParts {
  bool negative = false;
  std::string_view prefix;
  std::string_view int_digits;
  std::string_view rest;
};

// Sign, grouping (every group_size digits with spec.grouping) and padding per
// spec: '=' pads between sign/prefix and digits; fill '0' with '=' also
// extends the grouped digits with zeros and separators, as CPython does.
std::string layout_number(const NumberParts& parts, const FormatSpec& spec, int group_size);

// format(str, spec): checks the spec is valid for a str, truncates to
// spec.precision code points and pads.
NumResult<std::string> format_str(std::string_view utf8, const FormatSpec& spec);

// format(int, spec) for the presentation types b c d o x X n and none, and the
// float types e E f F g G % (the int is converted to the correctly rounded
// double first, with "int too large to convert to float"). Decimal output of
// an mpz obeys sys.get_int_max_str_digits() (max_digits, 0 = no limit) with
// to_decimal's ValueError, as CPython's format(10**5000, 'd') does; the
// default is CPython's default limit (sys.int_info.default_max_str_digits).
// type_name (the object's type: 'bool', a subclass) appears in "Unknown
// format code"; a float type gives format_float's errors.
NumResult<std::string> format_int(int64_t v, const FormatSpec& spec, std::string_view type_name = "int");
NumResult<std::string> format_int(mpz_srcptr v, const FormatSpec& spec, size_t max_digits = 4300,
                                  std::string_view type_name = "int");

// One printf-style conversion of the % operator: flags, width, precision and
// the conversion character. width/precision -1 when not given (the caller has
// already resolved '*').
struct PercentSpec {
  bool left = false;       // '-'
  bool plus = false;       // '+'
  bool space = false;      // ' '
  bool alternate = false;  // '#'
  bool zero = false;       // '0'
  int64_t width = -1;
  int64_t precision = -1;
  char type = 'd';
};

// '%d' '%i' '%u' '%o' '%x' '%X' of an int. The three-argument mpz form
// holds decimal conversions to max_digits like format_int ('%d' % 10**5000
// fails in CPython); the two-argument form applies no limit and is kept only
// for existing callers, which should move to the checked form.
std::string percent_format_int(int64_t v, const PercentSpec& spec);
NumResult<std::string> percent_format_int(mpz_srcptr v, const PercentSpec& spec, size_t max_digits);
std::string percent_format_int(mpz_srcptr v, const PercentSpec& spec);

// Shared by the % conversions of ints and floats: [sign][prefix][body] padded
// to spec.width ('-' left-justifies, '0' pads with zeros after the prefix).
std::string percent_layout(bool negative, std::string_view prefix, std::string_view body,
                           const PercentSpec& spec);

}  // namespace pyrite::python::runtime
