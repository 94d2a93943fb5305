// unicodedata fields and normalization (src/python/runtime/unicode_database.h)
// against CPython 3.11: data/unicodedata_expect.txt, written by
// data/gen_unicodedata_expect.py, hashes every code point's fields per
// 256-character block and has normalizations of a table of strings.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "python/runtime/unicode_database.h"
#include "runtime_text_test_data.h"

namespace rt = pyrite::python::runtime;
using namespace pyrite::test::text;

namespace {

const std::vector<std::vector<std::string>>& rows() {
  static const auto r = load_rows("unicodedata_expect.txt");
  return r;
}

// One code point's fields as the generator writes them. Characters newer
// than Unicode 14 are unassigned to CPython 3.11 (docs/runtime.md, "Text").
std::string fields(char32_t c) {
  if (newer_than_unicode_14(c)) return "Cn||0|0|F|";
  return std::string(rt::unicode_category(c)) + "|" + rt::unicode_bidirectional(c) + "|" +
         std::to_string(rt::unicode_combining(c)) + "|" + (rt::unicode_mirrored(c) ? "1" : "0") +
         "|" + rt::unicode_east_asian_width(c) + "|" + rt::unicode_decomposition(c);
}

}  // namespace

TEST(RuntimeTextUnicodedata, FieldsOfEveryCodePoint) {
  int blocks = 0;
  for (const auto& f : rows()) {
    if (f[0] != "C") continue;
    char32_t base = std::stoul(f[1], nullptr, 16) * 256;
    std::string text;
    for (char32_t c = base; c < base + 256; ++c) {
      if (c != base) text += "\n";
      text += fields(c);
    }
    EXPECT_EQ(crc_hex(text), f[2]) << "block " << f[1];
    ++blocks;
  }
  EXPECT_EQ(blocks, 0x1100);
}

TEST(RuntimeTextUnicodedata, NormalizationMatchesCPython) {
  const rt::NormalForm forms[] = {rt::NormalForm::kNFC, rt::NormalForm::kNFD,
                                  rt::NormalForm::kNFKC, rt::NormalForm::kNFKD};
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "N") continue;
    std::u32string s = text_of(f[1]);
    for (int i = 0; i < 4; ++i) {
      EXPECT_EQ(hex_text(rt::unicode_normalize(forms[i], s)), f[2 + i]) << i << " of " << f[1];
      EXPECT_EQ(rt::unicode_is_normalized(forms[i], s), f[6][i] == '1') << i << " of " << f[1];
    }
    ++checked;
  }
  EXPECT_GT(checked, 500);
}

TEST(RuntimeTextUnicodedata, Examples) {
  EXPECT_STREQ(rt::unicode_category(U'A'), "Lu");
  EXPECT_STREQ(rt::unicode_bidirectional(0x0378), "");
  EXPECT_STREQ(rt::unicode_east_asian_width(0x0378), "F");
  EXPECT_EQ(rt::unicode_decomposition(0xFB01), "<compat> 0066 0069");
  EXPECT_EQ(rt::unicode_decomposition(0x00A0), "<noBreak> 0020");
  EXPECT_EQ(rt::unicode_decomposition(0xAC00), "");
  EXPECT_EQ(rt::unicode_combining(0x0301), 230);
  EXPECT_FALSE(rt::lookup_normal_form("nfc").has_value());
  std::u32string pair = {0xD800, 0xDC00};
  EXPECT_EQ(rt::unicode_normalize(rt::NormalForm::kNFC, pair), pair);
}
