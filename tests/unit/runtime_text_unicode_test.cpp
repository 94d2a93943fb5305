// Unicode properties and case mapping (src/python/runtime/unicode_props.h,
// unicode_case.h) against CPython 3.11 over every code point: the expected
// answers are in data/unicode_expect.txt, written by data/gen_unicode_expect.py.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "python/runtime/unicode_case.h"
#include "python/runtime/unicode_props.h"
#include "runtime_text_test_data.h"

namespace rt = pyrite::python::runtime;
using pyrite::test::text::newer_than_unicode_14;

namespace {

constexpr char32_t kCount = 0x110000;

std::string data_path() {
  std::string here = __FILE__;
  return here.substr(0, here.rfind('/')) + "/data/unicode_expect.txt";
}

// The file, split into its sections ("P alpha" -> lines that follow).
const std::map<std::string, std::vector<std::string>>& sections() {
  static const auto* result = [] {
    auto* m = new std::map<std::string, std::vector<std::string>>;
    std::ifstream in(data_path());
    std::string line, current;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      if (line.size() > 2 && line[1] == ' ' && std::islower(static_cast<unsigned char>(line[2]))) {
        current = line.substr(0, line.find(' ', 2));
        (*m)[current];
        continue;
      }
      (*m)[current].push_back(line);
    }
    return m;
  }();
  return *result;
}

const std::vector<std::string>& section(const std::string& name) {
  auto it = sections().find(name);
  if (it == sections().end()) {
    ADD_FAILURE() << "missing section " << name << " in " << data_path();
    static const std::vector<std::string> empty;
    return empty;
  }
  return it->second;
}

// CPython 3.11 has Unicode 14 data; ICU here may be newer. Characters ICU
// says were assigned after 14.0 are unassigned (Cn) for CPython, so they
// cannot agree; they are skipped, and so are the listed property changes
// of older characters (docs/runtime.md, "Text").
struct KnownDifference {
  const char* property;
  char32_t first, last;
  const char* why;
};

// Properties of characters that exist in Unicode 14 but changed later.
const KnownDifference kKnownDifferences[] = {
    // Unicode 15 added these modifier letters to Other_Lowercase, which
    // makes them Lowercase and Cased.
    {"lower", 0x10FC, 0x10FC, "MODIFIER LETTER GEORGIAN NAR"},
    {"lower", 0xA7F2, 0xA7F4, "MODIFIER LETTER CAPITAL C/F/Q"},
    {"lower", 0xAB69, 0xAB69, "MODIFIER LETTER SMALL TURNED W"},
    {"cased", 0x10FC, 0x10FC, "MODIFIER LETTER GEORGIAN NAR"},
    {"cased", 0xA7F2, 0xA7F4, "MODIFIER LETTER CAPITAL C/F/Q"},
    {"cased", 0xAB69, 0xAB69, "MODIFIER LETTER SMALL TURNED W"},
};

bool known_difference(const std::string& property, char32_t c) {
  if (newer_than_unicode_14(c)) return true;
  for (const auto& k : kKnownDifferences)
    if (property == k.property && c >= k.first && c <= k.last) return true;
  return false;
}

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::vector<bool> expected_set(const std::string& name) {
  std::vector<bool> set(kCount);
  for (const auto& line : section("P " + name)) {
    unsigned a, b;
    std::sscanf(line.c_str(), "%x %x", &a, &b);
    for (unsigned c = a; c <= b; ++c) set[c] = true;
  }
  return set;
}

void check_property(const std::string& name, const std::function<bool(char32_t)>& fn) {
  std::vector<bool> expect = expected_set(name);
  int failures = 0;
  for (char32_t c = 0; c < kCount; ++c) {
    if (fn(c) == expect[c] || known_difference(name, c)) continue;
    if (++failures <= 10)
      ADD_FAILURE() << name << "(" << hex(c) << ") should be " << expect[c];
  }
  EXPECT_EQ(failures, 0) << name;
}

std::u32string parse_hex_string(const std::string& s) {
  std::u32string out;
  if (s == "-") return out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, '.')) out.push_back(static_cast<char32_t>(std::stoul(part, nullptr, 16)));
  return out;
}

std::string show(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out += hex(c) + " ";
  return out;
}

}  // namespace

TEST(RuntimeTextUnicode, DataFileIsThere) {
  ASSERT_FALSE(sections().empty()) << data_path();
}

TEST(RuntimeTextUnicode, AlphaEveryCodePoint) { check_property("alpha", rt::is_alpha); }
TEST(RuntimeTextUnicode, DecimalEveryCodePoint) { check_property("decimal", rt::is_decimal); }
TEST(RuntimeTextUnicode, DigitEveryCodePoint) { check_property("digit", rt::is_digit); }
TEST(RuntimeTextUnicode, NumericEveryCodePoint) { check_property("numeric", rt::is_numeric); }
TEST(RuntimeTextUnicode, AlnumEveryCodePoint) { check_property("alnum", rt::is_alnum); }
TEST(RuntimeTextUnicode, SpaceEveryCodePoint) { check_property("space", rt::is_space); }
TEST(RuntimeTextUnicode, PrintableEveryCodePoint) { check_property("printable", rt::is_printable); }
TEST(RuntimeTextUnicode, UpperEveryCodePoint) { check_property("upper", rt::is_upper); }
TEST(RuntimeTextUnicode, LowerEveryCodePoint) { check_property("lower", rt::is_lower); }
TEST(RuntimeTextUnicode, TitleEveryCodePoint) { check_property("title", rt::is_title); }
TEST(RuntimeTextUnicode, XidStartEveryCodePoint) { check_property("xid_start", rt::is_xid_start); }
TEST(RuntimeTextUnicode, XidContinueEveryCodePoint) {
  check_property("xid_continue", rt::is_xid_continue);
}
TEST(RuntimeTextUnicode, LinebreakEveryCodePoint) { check_property("linebreak", rt::is_linebreak); }
TEST(RuntimeTextUnicode, CasedEveryCodePoint) { check_property("cased", rt::is_cased); }
TEST(RuntimeTextUnicode, CaseIgnorableEveryCodePoint) {
  check_property("case_ignorable", rt::is_case_ignorable);
}

TEST(RuntimeTextUnicode, StringPredicatesOfOneCharacterAgree) {
  // The string forms must agree with the per-character ones on length 1.
  for (char32_t c = 0; c < kCount; c += 7) {
    std::u32string s(1, c);
    ASSERT_EQ(rt::str_isalpha(s), rt::is_alpha(c));
    ASSERT_EQ(rt::str_isspace(s), rt::is_space(c));
    ASSERT_EQ(rt::str_islower(s), rt::is_lower(c));
    ASSERT_EQ(rt::str_isupper(s), rt::is_upper(c));
    ASSERT_EQ(rt::str_istitle(s), rt::is_title(c) || rt::is_upper(c));
  }
}

TEST(RuntimeTextUnicode, EmptyStringRules) {
  EXPECT_FALSE(rt::str_isalpha(U""));
  EXPECT_FALSE(rt::str_isdigit(U""));
  EXPECT_FALSE(rt::str_isdecimal(U""));
  EXPECT_FALSE(rt::str_isnumeric(U""));
  EXPECT_FALSE(rt::str_isalnum(U""));
  EXPECT_FALSE(rt::str_isspace(U""));
  EXPECT_FALSE(rt::str_islower(U""));
  EXPECT_FALSE(rt::str_isupper(U""));
  EXPECT_FALSE(rt::str_istitle(U""));
  EXPECT_FALSE(rt::str_isidentifier(U""));
  EXPECT_TRUE(rt::str_isprintable(U""));
  EXPECT_TRUE(rt::str_isascii(U""));
  EXPECT_TRUE(rt::str_isascii(U"abc\x7f"));
  EXPECT_FALSE(rt::str_isascii(U"ab\x80"));
  EXPECT_TRUE(rt::str_isidentifier(U"_x1"));
  EXPECT_FALSE(rt::str_isidentifier(U"1x"));
  EXPECT_TRUE(rt::str_isidentifier(U"π_λ"));
  EXPECT_TRUE(rt::is_space(0x1C));
  EXPECT_TRUE(rt::is_space(0x85));
  EXPECT_FALSE(rt::is_space(0x200B));
}

TEST(RuntimeTextUnicode, DecimalAndDigitValuesEveryCodePoint) {
  for (const char* name : {"decimal", "digit"}) {
    std::vector<int> expect(kCount, -1);
    for (const auto& line : section(std::string("V ") + name)) {
      unsigned a, b;
      int v;
      std::sscanf(line.c_str(), "%x %x %d", &a, &b, &v);
      for (unsigned c = a; c <= b; ++c) expect[c] = v++;
    }
    auto fn = std::string(name) == "decimal" ? rt::decimal_value : rt::digit_value;
    int failures = 0;
    for (char32_t c = 0; c < kCount; ++c) {
      if (fn(c) == expect[c] || known_difference(name, c)) continue;
      if (++failures <= 10) ADD_FAILURE() << name << "(" << hex(c) << ") should be " << expect[c];
    }
    EXPECT_EQ(failures, 0) << name;
  }
  EXPECT_EQ(rt::decimal_value(U'٣'), 3);
  EXPECT_EQ(rt::digit_value(U'²'), 2);
  EXPECT_EQ(rt::decimal_value(U'²'), -1);
}

TEST(RuntimeTextUnicode, NumericValuesEveryCodePoint) {
  std::vector<double> expect(kCount, -1e300);
  for (char32_t c = '0'; c <= '9'; ++c) expect[c] = c - '0';
  for (const auto& line : section("N numeric")) {
    unsigned c;
    char buf[64];
    std::sscanf(line.c_str(), "%x %63s", &c, buf);
    expect[c] = std::strtod(buf, nullptr);  // C99 hex float, exact
  }
  int failures = 0;
  for (char32_t c = 0; c < kCount; ++c) {
    auto v = rt::numeric_value(c);
    double got = v ? *v : -1e300;
    if (got == expect[c] || known_difference("numeric", c)) continue;
    if (++failures <= 10) ADD_FAILURE() << "numeric(" << hex(c) << ") = " << got << ", want " << expect[c];
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(*rt::numeric_value(0x0F33), -0.5);
}

TEST(RuntimeTextUnicode, FullCaseMappingsEveryCodePoint) {
  using Fn = void (*)(char32_t, std::u32string*);
  const std::pair<const char*, Fn> maps[] = {{"lower", rt::append_lower},
                                             {"upper", rt::append_upper},
                                             {"title", rt::append_title},
                                             {"casefold", rt::append_casefold}};
  for (const auto& [name, fn] : maps) {
    std::vector<std::u32string> expect(kCount);
    for (const auto& line : section(std::string("M ") + name)) {
      unsigned a, b;
      int step, delta;
      if (line.find('=') != std::string::npos) {
        std::stringstream in(line);
        std::string word;
        in >> std::hex >> a >> word;
        unsigned cp;
        while (in >> std::hex >> cp) expect[a].push_back(cp);
        continue;
      }
      std::sscanf(line.c_str(), "%x %x %d %d", &a, &b, &step, &delta);
      for (unsigned c = a; c <= b; c += step) expect[c] = std::u32string(1, c + delta);
    }
    int failures = 0;
    for (char32_t c = 0; c < kCount; ++c) {
      if (expect[c].empty()) expect[c] = std::u32string(1, c);
      std::u32string got;
      fn(c, &got);
      if (got == expect[c] || known_difference(name, c)) continue;
      if (++failures <= 10)
        ADD_FAILURE() << name << "(" << hex(c) << ") = " << show(got) << ", want " << show(expect[c]);
    }
    EXPECT_EQ(failures, 0) << name;
  }
}

TEST(RuntimeTextUnicode, StringCaseMappingsAndPredicates) {
  using Op = std::u32string (*)(std::u32string_view);
  const Op ops[] = {rt::str_lower, rt::str_upper,
                    rt::str_casefold, rt::str_title, rt::str_capitalize, rt::str_swapcase};
  const char* op_names[] = {"lower", "upper", "casefold", "title", "capitalize", "swapcase"};
  using Pred = bool (*)(std::u32string_view);
  const Pred preds[] = {rt::str_islower, rt::str_isupper, rt::str_istitle, rt::str_isidentifier,
                        rt::str_isspace, rt::str_isalnum, rt::str_isprintable};
  const char* pred_names[] = {"islower", "isupper", "istitle", "isidentifier",
                              "isspace", "isalnum", "isprintable"};
  int checked = 0;
  for (const auto& line : section("S lower")) {
    std::stringstream in(line);
    std::string field;
    in >> field;
    std::u32string s = parse_hex_string(field);
    for (int i = 0; i < 6; ++i) {
      in >> field;
      EXPECT_EQ(show(ops[i](s)), show(parse_hex_string(field))) << op_names[i] << " of " << show(s);
    }
    in >> field;
    for (int i = 0; i < 7; ++i)
      EXPECT_EQ(preds[i](s), field[i] == '1') << pred_names[i] << " of " << show(s);
    ++checked;
  }
  EXPECT_GT(checked, 400);
}

TEST(RuntimeTextUnicode, SpecialCasingExamples) {
  EXPECT_EQ(rt::str_upper(U"straße"), U"STRASSE");
  EXPECT_EQ(rt::str_upper(U"ŉ"), U"ʼN");
  EXPECT_EQ(rt::str_upper(U"ﬁ"), U"FI");
  EXPECT_EQ(rt::str_lower(U"İ"), U"i\u0307");
  EXPECT_EQ(rt::str_capitalize(U"ǆa"), U"ǅa");
  EXPECT_EQ(rt::str_title(U"ﬁsh"), U"Fish");
  EXPECT_EQ(rt::str_casefold(U"ß"), U"ss");
  EXPECT_EQ(rt::str_lower(U"ΟΔΟΣ ΟΔΟΣ."), U"οδος οδος.");
  EXPECT_EQ(rt::str_lower(U"Σ"), U"σ");
  EXPECT_EQ(rt::str_title(U"they're bill's friends"), U"They'Re Bill'S Friends");
  // Two lone surrogates stay two characters (never paired into U+10400).
  std::u32string pair = {0xD801, 0xDC00};
  EXPECT_EQ(rt::str_lower(pair), pair);
}

TEST(RuntimeTextUnicode, DecimalAndSpaceToAscii) {
  // int('\u0663\u0664') == 34, float('\u3000\u0661.\u0665\xa0') == 1.5
  EXPECT_EQ(rt::decimal_and_space_to_ascii(U"\u0663\u0664"), "34");
  EXPECT_EQ(rt::decimal_and_space_to_ascii(U"\u3000\u0661.\u0665\xa0"), " 1.5 ");
  // The first character that is neither ends the text with '?'.
  EXPECT_EQ(rt::decimal_and_space_to_ascii(U"12\u00b2345"), "12?");
  EXPECT_EQ(rt::decimal_and_space_to_ascii(U"1\x7f2"), "1?");
  EXPECT_EQ(rt::decimal_and_space_to_ascii(U"\U0001D7D9_0"), "1_0");
}
