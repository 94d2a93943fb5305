// The format-spec parser and the shared layout helpers of
// src/python/runtime/format_spec.h (docs/runtime.md, "Numbers"), tested
// field by field; whole-format results are in the CPython tables that
// runtime_num_int_test.cpp and runtime_num_float_test.cpp replay.
#include <gtest/gtest.h>

#include <tuple>

#include "python/runtime/float_format.h"
#include "python/runtime/format_spec.h"

namespace pyrite::python::runtime {
namespace {

FormatSpec parse_ok(const char* text, char32_t default_type = 'd', char default_align = '>') {
  NumResult<FormatSpec> r = parse_format_spec(text, "int", default_type, default_align);
  EXPECT_TRUE(r.ok()) << text << ": " << r.error.message;
  return r.value;
}

TEST(RuntimeNumFormatSpec, ParsesEveryField) {
  FormatSpec s = parse_ok("*^+z#20_.5x");
  EXPECT_EQ(s.fill, U'*');
  EXPECT_EQ(s.align, '^');
  EXPECT_EQ(s.sign, '+');
  EXPECT_TRUE(s.no_neg_zero);
  EXPECT_TRUE(s.alternate);
  EXPECT_EQ(s.width, 20);
  EXPECT_EQ(s.grouping, '_');
  EXPECT_EQ(s.precision, 5);
  EXPECT_EQ(s.type, U'x');
}

TEST(RuntimeNumFormatSpec, Defaults) {
  FormatSpec s = parse_ok("");
  EXPECT_EQ(s.fill, U' ');
  EXPECT_EQ(s.align, '>');
  EXPECT_EQ(s.sign, 0);
  EXPECT_EQ(s.width, -1);
  EXPECT_EQ(s.precision, -1);
  EXPECT_EQ(s.type, U'd');  // the default type stands in for none
  EXPECT_EQ(parse_ok("", 0).type, 0u);
}

TEST(RuntimeNumFormatSpec, ZeroFlagResolution) {
  // Numbers: '0' means fill '0' and '=' alignment.
  FormatSpec n = parse_ok("08");
  EXPECT_EQ(n.fill, U'0');
  EXPECT_EQ(n.align, '=');
  EXPECT_EQ(n.width, 8);
  // An explicit alignment is kept.
  EXPECT_EQ(parse_ok("<08").align, '<');
  // An explicit fill makes the '0' part of the width.
  FormatSpec f = parse_ok("x<08");
  EXPECT_EQ(f.fill, U'x');
  EXPECT_EQ(f.width, 8);
  // Strings keep their default '<' (CPython 3.10+).
  FormatSpec s = parse_ok("05", 's', '<');
  EXPECT_EQ(s.fill, U'0');
  EXPECT_EQ(s.align, '<');
}

TEST(RuntimeNumFormatSpec, FillMayBeAnAlignCharOrNonAscii) {
  FormatSpec a = parse_ok("<<5");
  EXPECT_EQ(a.fill, U'<');
  EXPECT_EQ(a.align, '<');
  FormatSpec e = parse_ok("\xe2\x82\xac^5");
  EXPECT_EQ(e.fill, U'\u20ac');
  EXPECT_EQ(e.align, '^');
  FormatSpec emoji = parse_ok("\xf0\x9f\x98\x80>5");
  EXPECT_EQ(emoji.fill, U'\U0001F600');
}

TEST(RuntimeNumFormatSpec, Errors) {
  auto err = [](const char* text, const char* type_name = "float") {
    return parse_format_spec(text, type_name, 0, '>').error.message;
  };
  EXPECT_EQ(err("abc"), "Invalid format specifier 'abc' for object of type 'float'");
  EXPECT_EQ(err("\xe2\x82\xac\xe2\x82\xac", "Foo"), "Invalid format specifier '\xe2\x82\xac\xe2\x82\xac' for object of type 'Foo'");
  EXPECT_EQ(err("."), "Format specifier missing precision");
  EXPECT_EQ(err("9223372036854775808"), "Too many decimal digits in format string");
  EXPECT_EQ(err(".9223372036854775808"), "Too many decimal digits in format string");
  EXPECT_EQ(err(",_"), "Cannot specify both ',' and '_'.");
  EXPECT_EQ(err("_,"), "Cannot specify both ',' and '_'.");
  EXPECT_EQ(err(",,"), "Cannot specify ',' with ','.");
  EXPECT_EQ(err(",\x01"), "Cannot specify ',' with '\\x1'.");
  EXPECT_EQ(parse_format_spec("9223372036854775807", "float", 0, '>').value.width, INT64_MAX);
}

TEST(RuntimeNumFormatSpec, UnknownCodeEscaping) {
  EXPECT_EQ(unknown_format_code(U'q', "int").message, "Unknown format code 'q' for object of type 'int'");
  EXPECT_EQ(unknown_format_code(U' ', "int").message, "Unknown format code '\\x20' for object of type 'int'");
  // DEL is inside CPython's (32, 128) "printable" window and is printed raw.
  EXPECT_EQ(unknown_format_code(0x7f, "int").message, "Unknown format code '\x7f' for object of type 'int'");
  EXPECT_EQ(unknown_format_code(U'\u20ac', "str").message, "Unknown format code '\\x20ac' for object of type 'str'");
}

TEST(RuntimeNumFormatSpec, CountCodePoints) {
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xed\xa0\x80"), 5u);  // surrogate too
}

TEST(RuntimeNumFormatSpec, Pad) {
  FormatSpec s;
  s.width = 7;
  s.fill = U'\u20ac';
  s.align = '^';
  EXPECT_EQ(pad("ab", 2, s), "\xe2\x82\xac\xe2\x82\xac" "ab" "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac");
  s.align = '<';
  s.fill = U'.';
  EXPECT_EQ(pad("\xc3\xa9", 1, s), "\xc3\xa9......");
  s.align = '>';
  EXPECT_EQ(pad("abcdefgh", 8, s), "abcdefgh");
}

TEST(RuntimeNumFormatSpec, LayoutNumber) {
  FormatSpec s;
  NumberParts p;
  p.negative = true;
  p.prefix = "0x";
  p.int_digits = "ff";
  s.width = 10;
  s.fill = U'0';
  s.align = '=';
  EXPECT_EQ(layout_number(p, s, 4), "-0x00000ff");
  s.grouping = '_';
  EXPECT_EQ(layout_number(p, s, 4), "-0x00_00ff");  // grouped zero padding: format(-255, '#010_x')
  FormatSpec g;
  g.grouping = ',';
  NumberParts q;
  q.int_digits = "1234567";
  q.rest = ".25";
  EXPECT_EQ(layout_number(q, g, 3), "1,234,567.25");
  g.sign = ' ';
  EXPECT_EQ(layout_number(q, g, 3), " 1,234,567.25");
}

TEST(RuntimeNumFormatSpec, PercentLayout) {
  PercentSpec p;
  p.width = 8;
  EXPECT_EQ(percent_layout(true, "0x", "ff", p), "   -0xff");
  p.zero = true;
  EXPECT_EQ(percent_layout(true, "0x", "ff", p), "-0x000ff");
  p.left = true;  // '-' wins over '0'
  EXPECT_EQ(percent_layout(false, "", "7", p), "7       ");
  p.left = false;
  p.plus = true;
  EXPECT_EQ(percent_layout(false, "", "7", p), "+0000007");
}

}  // namespace
}  // namespace pyrite::python::runtime

namespace pyrite::python::runtime {
namespace {

// Arbitrary bytes (invalid UTF-8 included) never crash the parser or the
// formatters: every spec either parses or reports an error, and every
// parsed spec formats or reports an error.
TEST(RuntimeNumFormatSpec, ArbitrarySpecsAreSafe) {
  static const char kAlphabet[] = "<>=^+- z#0123456789,_.eEfFgGn%xXbcdosq*\xe2\x82\xac\xff\x80";
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  mpz_t big;
  mpz_init_set_str(big, "-123456789012345678901234567890", 10);
  int parsed = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string spec;
    size_t len = next() % 12;
    for (size_t k = 0; k < len; ++k) spec.push_back(kAlphabet[next() % (sizeof kAlphabet - 1)]);
    for (auto [type_name, default_type, default_align] :
         {std::tuple{"int", U'd', '>'}, std::tuple{"float", U'\0', '>'}, std::tuple{"str", U's', '<'}}) {
      NumResult<FormatSpec> r = parse_format_spec(spec, type_name, default_type, default_align);
      if (!r.ok()) {
        EXPECT_FALSE(r.error.message.empty()) << spec;
        continue;
      }
      ++parsed;
      FormatSpec s = r.value;
      if (s.width > 200) s.width = 200;  // keep the padding small
      if (s.precision > 200) s.precision = 200;
      NumResult<std::string> out = std::string(type_name) == "str"   ? format_str("h\xc3\xa9llo", s)
                                   : std::string(type_name) == "int" ? format_int(big, s)
                                                                     : format_float(-1234.5678, s);
      if (!out.ok()) {
        EXPECT_FALSE(out.error.message.empty()) << spec;
      }
    }
  }
  mpz_clear(big);
  EXPECT_GT(parsed, 1000);
}

}  // namespace
}  // namespace pyrite::python::runtime
