// Literal decoding tests (docs/frontend.md): every string escape and number
// form, and every error message, as CPython 3.11 decodes them (expected
// values produced by /usr/bin/python3.11's ast.parse).
#include "python/parse/literals.h"
#include "python/parse/unicode_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace pyrite::python::parse {
namespace {

using ast::ConstKind;
using namespace std::string_view_literals;

// ---- string_prefix --------------------------------------------------------------

TEST(LiteralPrefix, Letters) {
  StringPrefix p = string_prefix("'x'");
  EXPECT_FALSE(p.raw || p.bytes || p.fstring || p.unicode);
  EXPECT_EQ(p.length, 0);
  EXPECT_EQ(p.quote_length, 1);
  p = string_prefix("Rb'x'");
  EXPECT_TRUE(p.raw && p.bytes && !p.fstring && !p.unicode);
  EXPECT_EQ(p.length, 2);
  p = string_prefix("fR\"\"\"x\"\"\"");
  EXPECT_TRUE(p.raw && p.fstring && !p.bytes);
  EXPECT_EQ(p.quote_length, 3);
  p = string_prefix("U''");
  EXPECT_TRUE(p.unicode);
  EXPECT_EQ(p.length, 1);
  EXPECT_EQ(p.quote_length, 1);
  EXPECT_EQ(string_prefix("''''''").quote_length, 3);
  EXPECT_EQ(string_prefix("\"\"").quote_length, 1);
  EXPECT_EQ(string_prefix("b''").quote_length, 1);
}

// ---- strings ------------------------------------------------------------------------

struct StringCase {
  const char* body;
  bool raw;
  bool bytes;
  bool ok;
  std::string_view expected;  // the value, or the error message
};

const StringCase kStringCases[] = {
    {"abc", false, false, true, "abc"sv},
    {"\\\\", false, false, true, "\\"sv},
    {"\\'", false, false, true, "'"sv},
    {"\\\"", false, false, true, "\""sv},
    {"\\a\\b\\f\\n\\r\\t\\v", false, false, true, "\x07\x08\x0c\n\x0d\x09\x0b"sv},
    {"\\0", false, false, true, "\x00"sv},
    {"\\7", false, false, true, "\x07"sv},
    {"\\07", false, false, true, "\x07"sv},
    {"\\101", false, false, true, "A"sv},
    {"\\777", false, false, true, "\xc7\xbf"sv},
    {"\\1010", false, false, true, "A0"sv},
    {"\\8", false, false, true, "\\8"sv},
    {"\\9", false, false, true, "\\9"sv},
    {"\\x41", false, false, true, "A"sv},
    {"\\x4a\\x4B", false, false, true, "JK"sv},
    {"\\xff", false, false, true, "\xc3\xbf"sv},
    {"\\u00e9", false, false, true, "\xc3\xa9"sv},
    {"\\u20AC", false, false, true, "\xe2\x82\xac"sv},
    {"\\U0001F600", false, false, true, "\xf0\x9f\x98\x80"sv},
    {"\\U0010ffff", false, false, true, "\xf4\x8f\xbf\xbf"sv},
    {"\\ud800", false, false, true, "\xed\xa0\x80"sv},
    {"\\udc80x", false, false, true, "\xed\xb2\x80x"sv},
    {"\\N{LATIN SMALL LETTER E WITH ACUTE}", false, false, true, "\xc3\xa9"sv},
    {"\\N{latin small letter a}", false, false, true, "a"sv},
    {"\\N{EM DASH}\\N{NBSP}", false, false, true, "\xe2\x80\x94\xc2\xa0"sv},
    {"\\N{LF}", false, false, true, "\n"sv},
    {"\\N{CJK UNIFIED IDEOGRAPH-4E00}", false, false, true, "\xe4\xb8\x80"sv},
    {"\\N{HANGUL SYLLABLE GAG}", false, false, true, "\xea\xb0\x81"sv},
    {"\\q\\w\\e\\%\\ ", false, false, true, "\\q\\w\\e\\%\\ "sv},
    {"\\{", false, false, true, "\\{"sv},
    {"a\\\nb", false, false, true, "ab"sv},
    {"a\nb", false, false, true, "a\nb"sv},
    {"a\\\nb", false, false, true, "ab"sv},
    {"\\\xc3\xa9", false, false, true, "\\\xc3\xa9"sv},
    {"\xc3\xa9\\n", false, false, true, "\xc3\xa9\n"sv},
    {"\xe2\x82\xac\\x41\xc3\xa9", false, false, true, "\xe2\x82\xac" "A\xc3\xa9"sv},
    {"\\\\\xc3\xa9", false, false, true, "\\\xc3\xa9"sv},
    {"\\n\\x\\N{", true, false, true, "\\n\\x\\N{"sv},
    {"\\'", true, false, true, "\\'"sv},
    {"\\\\", true, false, true, "\\\\"sv},
    {"a\\\nb", true, false, true, "a\\\nb"sv},
    {"\\n", false, false, true, "\n"sv},
    {"abc", false, true, true, "abc"sv},
    {"\\x41\\xff\\x00", false, true, true, "A\xff\x00"sv},
    {"\\777", false, true, true, "\xff"sv},
    {"\\400", false, true, true, "\x00"sv},
    {"\\101\\7", false, true, true, "A\x07"sv},
    {"\\N{LF}", false, true, true, "\\N{LF}"sv},
    {"\\u1234", false, true, true, "\\u1234"sv},
    {"\\q", false, true, true, "\\q"sv},
    {"\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"", false, true, true, "\x07\x08\x0c\n\x0d\x09\x0b\\'\""sv},
    {"a\\\nb", false, true, true, "ab"sv},
    {"\\x4", true, true, true, "\\x4"sv},
    {"\\n", true, true, true, "\\n"sv},
    {"\\x", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"sv},
    {"\\x4", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"sv},
    {"\\x4g", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"sv},
    {"abc\\x4", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 3-5: truncated \\xXX escape"sv},
    {"\\u12", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXX" "XX escape"sv},
    {"\\u123g", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-4: truncated \\uXX" "XX escape"sv},
    {"\\U1234", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: truncated \\UXX" "XX" "XX" "XX escape"sv},
    {"\\U0011ffff", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"sv},
    {"ab\\U00110000", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-11: illegal Unicode character"sv},
    {"\\N", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"sv},
    {"\\Nx", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape"sv},
    {"\\N{", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape"sv},
    {"\\N{}", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape"sv},
    {"\\N{foo}", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"sv},
    {"\\N{LATIN SMALL LETTER A", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-22: malformed \\N character escape"sv},
    {"\xc3\xa9\\x4", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape"sv},
    {"\\\xc3\xa9\\x4", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 16-18: truncated \\xXX escape"sv},
    {"\xe2\x82\xac\xe2\x82\xac\\N{foo}", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 20-26: unknown Unicode character name"sv},
    {"\\N{\xc3\xa9}", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name"sv},
    {"a\\N{KEYCAP NUMBER SIGN}", false, false, false, "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-22: unknown Unicode character name"sv},
    {"\\x", false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"\\x4", false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"abc\\xzz", false, true, false, "(value error) invalid \\x escape at position 3"sv},
    {"\\x4g", false, true, false, "(value error) invalid \\x escape at position 0"sv},
    {"\xc3\xa9", false, true, false, "bytes can only contain ASCII literal characters"sv},
    {"\xc3\xa9", true, true, false, "bytes can only contain ASCII literal characters"sv},
    // UTF-8 errors: without escapes the whole body is decoded at once, with
    // escapes each run of non-ASCII bytes on its own.
    {"\xe9" "abc\xe9", false, false, false,
     "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte"sv},
    {"\xe9" "abc\\n", false, false, false,
     "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data"sv},
    {"ab\\n\xe2\x82\xe9\xe9", false, false, false,
     "(unicode error) 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"sv},
    {"ab\xe9" "c", true, false, false,
     "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: invalid continuation byte"sv},
    {"ab\xe2\x82", false, false, false,
     "(unicode error) 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"sv},
    {"\xed\xa0\x80", false, false, false,
     "(unicode error) 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"sv},
    {"\xc0\x80", false, false, false,
     "(unicode error) 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"sv},
    // A trailing backslash (possible in f-string pieces).
    {"ab\\", false, false, true, "ab\\"sv},
    {"ab\\", false, true, false, "(value error) Trailing \\ in string"sv},
    // Source read as str may keep \r\n and \r; they read as \n.
    {"a\r\nb\rc", false, false, true, "a\nb\nc"sv},
    {"a\\\r\nb", false, false, true, "ab"sv},
    {"a\r\nb", true, true, true, "a\nb"sv},
};

TEST(LiteralString, MatchesCPython) {
  base::Arena arena;
  for (const StringCase& c : kStringCases) {
    SCOPED_TRACE(std::string(c.body) + (c.raw ? " raw" : "") + (c.bytes ? " bytes" : ""));
    std::string_view out;
    std::string error;
    bool ok = decode_string_body(c.body, c.raw, c.bytes, arena, &out, &error);
    if (c.ok) {
      EXPECT_TRUE(ok) << error;
      EXPECT_EQ(out, c.expected);
    } else {
      EXPECT_FALSE(ok);
      EXPECT_EQ(error, c.expected);
    }
  }
}

TEST(LiteralString, NulBytesSurvive) {
  base::Arena arena;
  std::string_view out;
  std::string error;
  ASSERT_TRUE(decode_string_body("a\\0b\\x00", false, false, arena, &out, &error));
  EXPECT_EQ(out, std::string_view("a\0b\0", 4));
  ASSERT_TRUE(decode_string_body("\\x00\\0", false, true, arena, &out, &error));
  EXPECT_EQ(out, std::string_view("\0\0", 2));
}

// ---- numbers ------------------------------------------------------------------------

ast::ConstValue number(std::string_view text) {
  static base::Arena arena;
  return parse_number(text, arena);
}

void expect_int(std::string_view text, int64_t v) {
  SCOPED_TRACE(text);
  ast::ConstValue c = number(text);
  EXPECT_EQ(c.kind, ConstKind::Int);
  EXPECT_EQ(c.i, v);
}

void expect_big(std::string_view text, std::string_view digits) {
  SCOPED_TRACE(text);
  ast::ConstValue c = number(text);
  EXPECT_EQ(c.kind, ConstKind::BigInt);
  EXPECT_EQ(c.s, digits);
}

void expect_float(std::string_view text, double v, ConstKind kind = ConstKind::Float) {
  SCOPED_TRACE(text);
  ast::ConstValue c = number(text);
  EXPECT_EQ(c.kind, kind);
  if (std::isinf(v))
    EXPECT_TRUE(std::isinf(c.f));
  else
    EXPECT_EQ(c.f, v);  // exact: the nearest double, as CPython rounds
}

TEST(LiteralNumber, Integers) {
  expect_int("0", 0);
  expect_int("00", 0);
  expect_int("0_0", 0);
  expect_int("7", 7);
  expect_int("1_000_000", 1000000);
  expect_int("0x_fF", 255);
  expect_int("0XDEAD_beef", 0xDEADBEEF);
  expect_int("0o17", 15);
  expect_int("0O_7_7", 63);
  expect_int("0b101", 5);
  expect_int("0B_1_0", 2);
  expect_int("9223372036854775807", INT64_MAX);
  expect_int("0x7fffffffffffffff", INT64_MAX);
}

TEST(LiteralNumber, BigIntegers) {
  expect_big("9223372036854775808", "9223372036854775808");
  expect_big("0xffff_ffff_ffff_ffff", "18446744073709551615");
  expect_big("0o1777777777777777777777", "18446744073709551615");
  expect_big("0b" + std::string(64, '1'), "18446744073709551615");
  expect_big("1_0000_0000_0000_0000_0000_0000", "1000000000000000000000000");
  expect_big("0x1" + std::string(40, '0'), "1461501637330902918203684832716283019655932542976");
  std::string long_digits(400, '9');
  expect_big(long_digits, long_digits);
}

TEST(LiteralNumber, Floats) {
  expect_float("1.5", 1.5);
  expect_float("1.", 1.0);
  expect_float(".5", 0.5);
  expect_float("0.1", 0.1);
  expect_float("1e5", 1e5);
  expect_float("1E-5", 1e-5);
  expect_float("1e+5", 1e5);
  expect_float("1_0.0_5e1_0", 10.05e10);
  expect_float("09.5", 9.5);
  expect_float("00e0", 0.0);
  expect_float("1.7976931348623157e308", 1.7976931348623157e308);
  expect_float("4.9406564584124654e-324", 4.9406564584124654e-324);
  expect_float("1e400", HUGE_VAL);
  expect_float("1e-400", 0.0);
  expect_float("2.2250738585072011e-308", 2.2250738585072011e-308);
  expect_float("0.30000000000000004441", 0.30000000000000004);
}

TEST(LiteralNumber, Imaginary) {
  expect_float("1j", 1.0, ConstKind::Complex);
  expect_float("1.5J", 1.5, ConstKind::Complex);
  expect_float("0j", 0.0, ConstKind::Complex);
  expect_float("09j", 9.0, ConstKind::Complex);
  expect_float("1_0e-1_0j", 10e-10, ConstKind::Complex);
  expect_float(".5j", 0.5, ConstKind::Complex);
  expect_float("1e400j", HUGE_VAL, ConstKind::Complex);
}

// ---- UTF-8 and character names --------------------------------------------------

std::string utf8_error(std::string_view bytes) {
  unicode::DecodeError e;
  if (unicode::check_utf8(bytes, &e)) return "ok";
  return unicode::decode_error_message("utf-8", bytes, e);
}

TEST(LiteralUtf8, ErrorsReadAsPythons) {
  // Expected: str(UnicodeDecodeError) of bytes.decode() in CPython 3.11.
  EXPECT_EQ(utf8_error("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "ok");
  EXPECT_EQ(utf8_error("\xe0\x80"),
            "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte");
  EXPECT_EQ(utf8_error("\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  EXPECT_EQ(utf8_error("\xe2"), "'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data");
  EXPECT_EQ(utf8_error("\xf0\x90\x80"),
            "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data");
  EXPECT_EQ(utf8_error("\xf0\x80"),
            "'utf-8' codec can't decode byte 0xf0 in position 0: invalid continuation byte");
  EXPECT_EQ(utf8_error("\xed\xa0"),
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
  EXPECT_EQ(utf8_error("\xc3x"), "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte");
  EXPECT_EQ(utf8_error("\xf4\x90"),
            "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte");
  EXPECT_EQ(utf8_error("ab\xf5"), "'utf-8' codec can't decode byte 0xf5 in position 2: invalid start byte");
  EXPECT_EQ(utf8_error("\x80"), "'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte");
  EXPECT_EQ(utf8_error("\xf0\x90\x80x"),
            "'utf-8' codec can't decode bytes in position 0-2: invalid continuation byte");
  EXPECT_EQ(utf8_error("\xe2\x82x"),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
}

TEST(LiteralUtf8, LoneSurrogatesUseThreeBytes) {
  std::string s;
  unicode::append_utf8(&s, 0xDC80);
  EXPECT_EQ(s, "\xed\xb2\x80");
  uint32_t cp = 0;
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  EXPECT_EQ(unicode::decode_one(p, p + 3, &cp), 3);
  EXPECT_EQ(cp, 0xDC80u);
}

uint32_t name(std::string_view n) {
  uint32_t cp = 0;
  return unicode::lookup_name(n, &cp) ? cp : 0xFFFFFFFF;
}

TEST(LiteralUtf8, CharacterNames) {
  // What \N{...} accepts in CPython 3.11 (Unicode 14.0).
  EXPECT_EQ(name("LATIN SMALL LETTER A"), 0x61u);
  EXPECT_EQ(name("latin small letter a"), 0x61u);
  EXPECT_EQ(name("LINE FEED"), 0x0Au);
  EXPECT_EQ(name("nbsp"), 0xA0u);
  EXPECT_EQ(name("BYTE ORDER MARK"), 0xFEFFu);
  EXPECT_EQ(name("VS17"), 0xE0100u);
  EXPECT_EQ(name("LATIN CAPITAL LETTER GHA"), 0x1A2u);  // a correction alias
  EXPECT_EQ(name("HANGUL SYLLABLE GAG"), 0xAC01u);
  EXPECT_EQ(name("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00u);
  EXPECT_EQ(name("CJK UNIFIED IDEOGRAPH-04E00"), 0x4E00u);
  EXPECT_EQ(name("NUSHU CHARACTER-1B170"), 0x1B170u);
  // Not names for CPython 3.11.
  EXPECT_EQ(name("hangul syllable gag"), 0xFFFFFFFFu);
  EXPECT_EQ(name("CJK UNIFIED IDEOGRAPH-4e00"), 0xFFFFFFFFu);
  EXPECT_EQ(name("CJK UNIFIED IDEOGRAPH-31350"), 0xFFFFFFFFu);  // Unicode 15
  EXPECT_EQ(name("TANGUT IDEOGRAPH-17000"), 0xFFFFFFFFu);
  EXPECT_EQ(name("KEYCAP NUMBER SIGN"), 0xFFFFFFFFu);  // a named sequence
  EXPECT_EQ(name(" LATIN SMALL LETTER A"), 0xFFFFFFFFu);
  EXPECT_EQ(name("LATIN  SMALL LETTER A"), 0xFFFFFFFFu);
  EXPECT_EQ(name("VS257"), 0xFFFFFFFFu);
}

TEST(LiteralUtf8, IdentifierCharacters) {
  EXPECT_TRUE(unicode::is_xid_start('a'));
  EXPECT_FALSE(unicode::is_xid_start('1'));
  EXPECT_TRUE(unicode::is_xid_continue('1'));
  EXPECT_TRUE(unicode::is_xid_start(0xE9));
  EXPECT_FALSE(unicode::is_xid_start(0xB7));
  EXPECT_TRUE(unicode::is_xid_continue(0xB7));
  EXPECT_FALSE(unicode::is_xid_start(0x20AC));
  EXPECT_TRUE(unicode::is_printable(0x20AC));
  EXPECT_FALSE(unicode::is_printable(0xA0));
  EXPECT_FALSE(unicode::is_printable(0x200B));
  EXPECT_TRUE(unicode::is_printable(' '));
  std::string out;
  EXPECT_TRUE(unicode::normalize_nfkc("\xe2\x84\x8c", &out));  // ℌ -> H
  EXPECT_EQ(out, "H");
  EXPECT_FALSE(unicode::normalize_nfkc("\xc3\xa9t\xc3\xa9", &out));  // already NFKC
}

}  // namespace
}  // namespace pyrite::python::parse
