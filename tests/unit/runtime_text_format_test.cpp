// str.format and "%" template parsing (src/python/runtime/format_string.h)
// against CPython 3.11. data/format_expect.txt (written by
// data/gen_format_expect.py) has python3.11's results of formatting with
// recording objects; this test replays each template through the parsed
// items with a toy object model that behaves like those objects, so the
// order of lookups and errors is checked, not only the split.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "python/runtime/codecs.h"
#include "python/runtime/escape.h"
#include "python/runtime/format_string.h"
#include "python/runtime/unicode_props.h"
#include "runtime_text_test_data.h"

namespace rt = pyrite::python::runtime;
using namespace pyrite::test::text;

namespace {

const std::vector<std::vector<std::string>>& rows() {
  static const auto r = load_rows("format_expect.txt");
  return r;
}

std::u32string u32(const std::string& ascii) { return std::u32string(ascii.begin(), ascii.end()); }

// --- str.format replay ---------------------------------------------------

// R (records its path), S (repr/str of an R: formats as {text|spec}) and a
// plain str (ascii() of an R), as in gen_format_expect.py.
struct Value {
  enum Kind { kR, kS, kPlain } kind = kR;
  std::u32string text;
};

struct Raised {
  std::string what;  // "Type: message"
};

std::optional<Raised> expand(const rt::FormatTemplate& t, std::u32string* out);

std::optional<Raised> format_item(const rt::FormatItem& item, std::u32string* out) {
  using At = rt::FormatErrorAt;
  *out += item.literal;
  if (item.error_at == At::kBeforeField) return Raised{"ValueError: " + item.error};
  if (!item.has_field) return std::nullopt;
  Value v;
  if (item.arg_index) {
    if (*item.arg_index >= 3)
      return Raised{"IndexError: Replacement index " + std::to_string(*item.arg_index) +
                    " out of range for positional args tuple"};
    v.text = U"p" + u32(std::to_string(*item.arg_index));
  } else {
    if (item.arg_name != U"a" && item.arg_name != U"b" && item.arg_name != U"c")
      return Raised{"KeyError: " + rt::to_utf8(rt::repr_str(item.arg_name))};
    v.text = item.arg_name;
  }
  for (const auto& acc : item.accessors) {
    if (acc.is_attribute) {
      if (acc.name.rfind(U"bad", 0) == 0 || acc.name.rfind(U"__", 0) == 0)
        return Raised{"AttributeError: no " + rt::to_utf8(acc.name)};
      v.text += U"." + acc.name;
    } else {
      v.text += U"[" + (acc.index ? u32(std::to_string(*acc.index)) : rt::repr_str(acc.name)) + U"]";
    }
  }
  if (item.error_at == At::kAfterAccessors) return Raised{"ValueError: " + item.error};
  if (item.conversion) {
    if (item.error_at == At::kConversion) return Raised{"ValueError: " + item.error};
    std::u32string r = U"repr(" + v.text + U")";
    if (item.conversion == 'r') {
      v = {Value::kS, r};
    } else if (item.conversion == 's') {
      v = {Value::kS, U"str(" + v.text + U")"};
    } else if (rt::str_isascii(r)) {
      v = {Value::kS, r};  // ascii() hands back an all-ASCII repr object as is
    } else {
      std::string a = rt::ascii_str(r);
      v = {Value::kPlain, u32(a.substr(1, a.size() - 2))};
    }
  }
  std::u32string spec = item.format_spec;
  if (item.spec_template) {
    spec.clear();
    if (auto e = expand(*item.spec_template, &spec)) return e;
  }
  switch (v.kind) {
    case Value::kR:
      *out += U"<" + v.text + U"|" + spec + U">";
      break;
    case Value::kS:
      *out += U"{" + v.text + U"|" + spec + U"}";
      break;
    case Value::kPlain:
      if (!spec.empty()) return Raised{"harness: plain str with a spec"};
      *out += v.text;
      break;
  }
  return std::nullopt;
}

std::optional<Raised> expand(const rt::FormatTemplate& t, std::u32string* out) {
  for (const auto& item : t.items)
    if (auto e = format_item(item, out)) return e;
  return std::nullopt;
}

std::string format_outcome(std::u32string_view tmpl) {
  rt::FormatTemplate t = rt::parse_format_template(tmpl);
  std::u32string out;
  if (auto e = expand(t, &out)) return e->what;
  return "OK\t" + hex_text(out);
}

// --- "%" replay ----------------------------------------------------------

struct PercentArgs {
  bool dict_mode;
  std::string dict_str;
  // The current argument source: the tuple, or one value (the dict itself
  // in dict mode, or what a key looked up).
  std::vector<std::pair<int, std::string>> tuple;
  size_t next = 0;
  bool single = false;
  std::pair<int, std::string> single_value;
  bool single_used = false;

  std::optional<std::pair<int, std::string>> take() {
    if (single) {
      if (single_used) return std::nullopt;
      single_used = true;
      return single_value;
    }
    if (next >= tuple.size()) return std::nullopt;
    return tuple[next++];
  }
};

const std::map<std::u32string, std::pair<int, std::string>> kDict = {
    {U"a", {2, "a"}}, {U"b", {3, "b"}}, {U"", {1, "e"}}, {U"a(b)", {2, "ab"}}};

std::string percent_outcome(std::u32string_view tmpl, bool dict_mode, const std::string& dict_str) {
  using At = rt::PercentErrorAt;
  PercentArgs args;
  args.dict_mode = dict_mode;
  if (dict_mode) {
    args.single = true;
    args.single_value = {-1, "DICT"};
  } else {
    args.tuple = {{2, "p0"}, {3, "p1"}, {1, "p2"}, {4, "p3"}};
  }
  const std::string kNotEnough = "TypeError: not enough arguments for format string";
  std::u32string out;
  for (const auto& item : rt::parse_percent_template(tmpl)) {
    out += item.literal;
    if (!item.has_conversion) continue;
    if (item.has_key) {
      if (!dict_mode) return "TypeError: format requires a mapping";
      if (item.error_at == At::kBeforeKey) return "ValueError: " + item.error;
      auto it = kDict.find(item.key);
      if (it == kDict.end()) return "KeyError: " + rt::to_utf8(rt::repr_str(item.key));
      args.single = true;
      args.single_value = it->second;
      args.single_used = false;
    }
    if (item.error_at == At::kAfterKey) return "ValueError: " + item.error;
    int64_t width = item.width, precision = item.precision;
    bool left = item.flags & rt::kPercentLeft;
    if (item.width_star) {
      auto w = args.take();
      if (!w) return kNotEnough;
      if (w->first < 0) return "TypeError: * wants int";
      width = w->first;
    }
    if (item.error_at == At::kAfterWidthArg) return "ValueError: " + item.error;
    if (item.precision_star) {
      auto p = args.take();
      if (!p) return kNotEnough;
      if (p->first < 0) return "TypeError: * wants int";
      precision = p->first;
    }
    if (item.error_at == At::kAfterPrecisionArg) return "ValueError: " + item.error;
    auto v = args.take();
    if (!v) return kNotEnough;
    if (item.error_at == At::kAfterValue) return "ValueError: " + item.error;
    std::string text;
    if (v->first < 0)
      text = dict_str;
    else if (item.type == 's')
      text = "str(" + v->second + ")";
    else if (item.type == 'r' || item.type == 'a')
      text = "repr(" + v->second + ")";
    else
      return "harness: type " + std::string(1, static_cast<char>(item.type));
    if (precision >= 0 && static_cast<size_t>(precision) < text.size()) text.resize(precision);
    std::u32string t = u32(text);
    while (width >= 0 && t.size() < static_cast<size_t>(width)) t = left ? t + U" " : U" " + t;
    out += t;
  }
  if (!dict_mode && args.next < args.tuple.size() && !args.single)
    return "TypeError: not all arguments converted during string formatting";
  return "OK\t" + hex_text(out);
}

}  // namespace

TEST(RuntimeTextFormat, MarkupScannerMatchesFormatterParser) {
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "M") continue;
    std::u32string tmpl = text_of(f[1]);
    std::vector<std::string> got;
    size_t pos = 0;
    rt::Markup m;
    std::string error;
    while (rt::next_markup(tmpl, &pos, &m, &error)) {
      if (!error.empty()) {
        got.push_back("!" + error);
        break;
      }
      char32_t conv[1] = {m.conversion};
      got.push_back(hex_text(m.literal) + "|" + (m.has_field ? hex_text(m.field_name) : "~") + "|" +
                    (m.has_field ? hex_text(m.format_spec) : "~") + "|" +
                    (m.has_field ? (m.conversion ? hex_text(std::u32string_view(conv, 1)) : "~") : "~"));
    }
    // formatter_parser yields a literal-only last item; an error discards
    // nothing before it, so compare item by item.
    std::vector<std::string> want(f.begin() + 2, f.end());
    EXPECT_EQ(got, want) << f[1];
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

TEST(RuntimeTextFormat, StrFormatReplayMatchesCPython) {
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "F") continue;
    std::string want = f[2] + (f.size() > 3 ? "\t" + f[3] : "");
    EXPECT_EQ(format_outcome(text_of(f[1])), want) << f[1];
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

TEST(RuntimeTextFormat, PercentReplayMatchesCPython) {
  std::string dict_str;
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] == "D") dict_str = rt::to_utf8(text_of(f[1]));
    if (f[0] != "P") continue;
    std::string want = f[3] + (f.size() > 4 ? "\t" + f[4] : "");
    EXPECT_EQ(percent_outcome(text_of(f[2]), f[1] == "dict", dict_str), want) << f[1] << " " << f[2];
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

TEST(RuntimeTextFormat, ParsedFieldShapes) {
  rt::FormatTemplate t = rt::parse_format_template(U"x{0.a[1][k]!r:>{}}");
  ASSERT_EQ(t.items.size(), 1u);
  const rt::FormatItem& item = t.items[0];
  EXPECT_EQ(item.literal, U"x");
  EXPECT_EQ(item.arg_index, 0u);
  ASSERT_EQ(item.accessors.size(), 3u);
  EXPECT_TRUE(item.accessors[0].is_attribute);
  EXPECT_EQ(item.accessors[1].index, 1u);
  EXPECT_FALSE(item.accessors[2].index.has_value());
  EXPECT_EQ(item.conversion, U'r');
  EXPECT_EQ(item.format_spec, U">{}");
  ASSERT_TRUE(item.spec_template);
  // "{}" after a manual "0" cannot be numbered automatically.
  EXPECT_EQ(item.spec_template->items[0].error,
            "cannot switch from manual field specification to automatic field numbering");

  auto items = rt::parse_percent_template(U"%(k)-#07.3f%%");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].key, U"k");
  EXPECT_EQ(items[0].flags, rt::kPercentLeft | rt::kPercentAlt | rt::kPercentZero);
  EXPECT_EQ(items[0].width, 7);
  EXPECT_EQ(items[0].precision, 3);
  EXPECT_EQ(items[0].type, U'f');
  EXPECT_EQ(items[1].literal, U"%");
  EXPECT_FALSE(items[1].has_conversion);

  auto bytes = rt::parse_percent_template(U"%b", /*bytes_mode=*/true);
  EXPECT_EQ(bytes[0].error_at, rt::PercentErrorAt::kNone);
  auto str = rt::parse_percent_template(U"%b");
  EXPECT_EQ(str[0].error, "unsupported format character 'b' (0x62) at index 1");
}
