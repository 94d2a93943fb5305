// repr()/ascii() of strs and bytes and the escape encoders
// (src/python/runtime/escape.h) against CPython 3.11: data/escape_expect.txt,
// written by data/gen_escape_expect.py, has repr and ascii of every code point
// (hashed per 256-character block) and of a table of strings and bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "python/runtime/codecs.h"
#include "python/runtime/escape.h"
#include "runtime_text_test_data.h"

namespace rt = pyrite::python::runtime;
using namespace pyrite::test::text;

namespace {

const std::vector<std::vector<std::string>>& rows() {
  static const auto r = load_rows("escape_expect.txt");
  return r;
}

}  // namespace

TEST(RuntimeTextEscape, ReprOfEveryCodePoint) {
  int blocks = 0;
  for (const auto& f : rows()) {
    if (f[0] != "C") continue;
    char32_t base = std::stoul(f[1], nullptr, 16) * 256;
    std::string reprs, asciis;
    for (char32_t c = base; c < base + 256; ++c) {
      std::u32string one(1, c);
      std::u32string r = rt::repr_str(one);
      // Unassigned in Unicode 14, so not printable for CPython 3.11.
      if (newer_than_unicode_14(c)) {
        std::string escaped = rt::ascii_str(one);
        r.assign(escaped.begin(), escaped.end());
      }
      if (c != base) {
        reprs += "\n";
        asciis += "\n";
      }
      reprs += rt::to_utf8(r);
      asciis += rt::ascii_str(one);
    }
    EXPECT_EQ(crc_hex(reprs), f[2]) << "repr in block " << f[1];
    EXPECT_EQ(crc_hex(asciis), f[3]) << "ascii in block " << f[1];
    ++blocks;
  }
  EXPECT_EQ(blocks, 0x1100);
}

TEST(RuntimeTextEscape, StringsMatchCPython) {
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "S") continue;
    std::u32string s = text_of(f[1]);
    EXPECT_EQ(hex_text(rt::repr_str(s)), f[2]) << "repr " << f[1];
    std::string a = rt::ascii_str(s);
    EXPECT_EQ(hex_text(std::u32string(a.begin(), a.end())), f[3]) << "ascii " << f[1];
    EXPECT_EQ(hex_bytes(rt::unicode_escape_encode(s)), f[4]) << "unicode_escape " << f[1];
    EXPECT_EQ(hex_bytes(rt::raw_unicode_escape_encode(s)), f[5]) << "raw_unicode_escape " << f[1];
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(RuntimeTextEscape, BytesMatchCPython) {
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "Y") continue;
    EXPECT_EQ(rt::repr_bytes(bytes_of(f[1])), f[2]) << f[1];
    EXPECT_EQ(rt::repr_bytearray(bytes_of(f[1])), f[3]) << f[1];
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(RuntimeTextEscape, Examples) {
  EXPECT_EQ(rt::repr_str(U"it's"), U"\"it's\"");
  EXPECT_EQ(rt::repr_str(U"'\""), U"'\\'\"'");
  EXPECT_EQ(rt::repr_str(U"caf\u00e9\u2028\U0001F600\xAD"), U"'caf\u00e9\\u2028\U0001F600\\xad'");
  EXPECT_EQ(rt::ascii_str(U"caf\u00e9\U0001F600"), "'caf\\xe9\\U0001f600'");
  std::u32string lone = {0xD800};
  EXPECT_EQ(rt::repr_str(lone), U"'\\ud800'");
  EXPECT_EQ(rt::repr_bytes("a'\x7f"), "b\"a'\\x7f\"");
  EXPECT_EQ(rt::repr_bytearray("'"), "bytearray(b\"\\'\")");
}
