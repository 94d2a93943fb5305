// Unicode character properties with CPython 3.11's definitions, read from
// ICU (docs/runtime.md, "Text"). ASCII is answered from a small table because
// the interpreter asks about ASCII far more often than anything else.
#include "python/runtime/unicode_props.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <initializer_list>

namespace pyrite::python::runtime {

namespace {

enum AsciiBits : uint8_t {
  kAlpha = 1,
  kDigit = 2,
  kSpace = 4,
  kUpper = 8,
  kLower = 16,
  kPrint = 32,
  kIdStart = 64,
};

constexpr uint8_t ascii_bits(unsigned c) {
  uint8_t b = 0;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) b |= kAlpha | kIdStart;
  if (c >= '0' && c <= '9') b |= kDigit;
  // \t \n \v \f \r and the information separators 0x1C..0x1F (bidi B/S/WS).
  if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) b |= kSpace;
  if (c >= 'A' && c <= 'Z') b |= kUpper;
  if (c >= 'a' && c <= 'z') b |= kLower;
  if (c >= 0x20 && c < 0x7F) b |= kPrint;
  if (c == '_') b |= kIdStart;
  return b;
}

struct AsciiTable {
  uint8_t bits[128];
  constexpr AsciiTable() : bits() {
    for (unsigned c = 0; c < 128; ++c) bits[c] = ascii_bits(c);
  }
};

constexpr AsciiTable kAscii;

inline bool ascii_has(char32_t c, uint8_t bit) { return (kAscii.bits[c] & bit) != 0; }

inline bool valid(char32_t c) { return c <= kMaxCodePoint; }

inline int8_t category(char32_t c) { return u_charType(static_cast<UChar32>(c)); }

inline int numeric_type(char32_t c) {
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NUMERIC_TYPE);
}

inline bool binary(char32_t c, UProperty p) {
  return valid(c) && u_hasBinaryProperty(static_cast<UChar32>(c), p);
}

template <class Pred>
bool all_of_nonempty(std::u32string_view s, Pred pred) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!pred(c)) return false;
  return true;
}

}  // namespace

bool is_alpha(char32_t c) {
  if (c < 0x80) return ascii_has(c, kAlpha);
  if (!valid(c)) return false;
  switch (category(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

bool is_decimal(char32_t c) {
  if (c < 0x80) return ascii_has(c, kDigit);
  return valid(c) && category(c) == U_DECIMAL_DIGIT_NUMBER;
}

bool is_digit(char32_t c) {
  if (c < 0x80) return ascii_has(c, kDigit);
  if (!valid(c)) return false;
  int t = numeric_type(c);
  return t == U_NT_DECIMAL || t == U_NT_DIGIT;
}

bool is_numeric(char32_t c) {
  if (c < 0x80) return ascii_has(c, kDigit);
  return valid(c) && numeric_type(c) != U_NT_NONE;
}

bool is_alnum(char32_t c) {
  if (c < 0x80) return ascii_has(c, kAlpha | kDigit);
  return is_alpha(c) || is_numeric(c);  // decimal and digit imply numeric
}

bool is_space(char32_t c) {
  if (c < 0x80) return ascii_has(c, kSpace);
  if (!valid(c)) return false;
  switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_WHITE_SPACE_NEUTRAL:
    case U_BLOCK_SEPARATOR:
    case U_SEGMENT_SEPARATOR:
      return true;
    default:
      return category(c) == U_SPACE_SEPARATOR;
  }
}

bool is_printable(char32_t c) {
  if (c < 0x80) return ascii_has(c, kPrint);
  if (!valid(c)) return false;
  switch (category(c)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
      return false;
    default:
      return true;
  }
}

bool is_upper(char32_t c) {
  if (c < 0x80) return ascii_has(c, kUpper);
  return binary(c, UCHAR_UPPERCASE);
}

bool is_lower(char32_t c) {
  if (c < 0x80) return ascii_has(c, kLower);
  return binary(c, UCHAR_LOWERCASE);
}

bool is_title(char32_t c) { return c >= 0x80 && valid(c) && category(c) == U_TITLECASE_LETTER; }

bool is_cased(char32_t c) {
  if (c < 0x80) return ascii_has(c, kAlpha);
  return binary(c, UCHAR_CASED);
}

bool is_case_ignorable(char32_t c) { return binary(c, UCHAR_CASE_IGNORABLE); }

bool is_xid_start(char32_t c) {
  if (c < 0x80) return ascii_has(c, kAlpha);  // '_' is not XID_Start
  return binary(c, UCHAR_XID_START);
}

bool is_xid_continue(char32_t c) {
  if (c < 0x80) return ascii_has(c, kIdStart | kDigit);
  return binary(c, UCHAR_XID_CONTINUE);
}

bool is_linebreak(char32_t c) {
  switch (c) {
    case 0x0A: case 0x0B: case 0x0C: case 0x0D:
    case 0x1C: case 0x1D: case 0x1E:
    case 0x85: case 0x2028: case 0x2029:
      return true;
    default:
      return false;
  }
}

int decimal_value(char32_t c) {
  if (c < 0x80) return ascii_has(c, kDigit) ? static_cast<int>(c - '0') : -1;
  if (!is_decimal(c)) return -1;
  return u_charDigitValue(static_cast<UChar32>(c));
}

int digit_value(char32_t c) {
  if (c < 0x80) return ascii_has(c, kDigit) ? static_cast<int>(c - '0') : -1;
  if (!is_digit(c)) return -1;
  return static_cast<int>(u_getNumericValue(static_cast<UChar32>(c)));
}

std::optional<double> numeric_value(char32_t c) {
  if (c < 0x80) {
    if (!ascii_has(c, kDigit)) return std::nullopt;
    return static_cast<double>(c - '0');
  }
  if (!valid(c)) return std::nullopt;
  double v = u_getNumericValue(static_cast<UChar32>(c));
  if (v == U_NO_NUMERIC_VALUE) return std::nullopt;
  return v;
}

std::optional<std::string> char_name(char32_t c) {
  if (!valid(c)) return std::nullopt;
  char buf[128];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, buf, sizeof buf, &err);
  if (U_FAILURE(err) || n <= 0) return std::nullopt;
  return std::string(buf, static_cast<size_t>(n));
}

namespace {

// The aliases ICU does not know (it has only the corrections), shared with
// the front end's \N{...} in literals.
struct NameAlias {
  char32_t cp;
  std::string_view name;
};
constexpr NameAlias kNameAliases[] = {
#define NAME_ALIAS(cp, name) {cp, name},
#include "python/parse/name_aliases.def"
#undef NAME_ALIAS
};

bool newer_than_unicode_14(char32_t c) {
  UVersionInfo age;
  u_charAge(static_cast<UChar32>(c), age);
  return age[0] > 14;
}

}  // namespace

std::optional<char32_t> char_from_name(std::string_view name) {
  // No name is near this long; ICU wants a NUL-terminated copy.
  char buf[128];
  if (name.empty() || name.size() >= sizeof buf) return std::nullopt;
  std::string upper(name);
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    // ICU forgives spacing that CPython does not.
    if (c == 0 || c >= 0x80) return std::nullopt;
    if (c == ' ' && (i == 0 || i + 1 == name.size() || name[i + 1] == ' ')) return std::nullopt;
    if (c >= 'a' && c <= 'z') upper[i] = static_cast<char>(c - 32);
  }
  bool was_upper = upper == name;
  // Variation selectors VS1..VS256 are computed.
  if (upper.size() >= 3 && upper.size() <= 5 && upper.compare(0, 2, "VS") == 0 && upper[2] != '0') {
    unsigned n = 0;
    bool digits = true;
    for (size_t i = 2; i < upper.size(); ++i) {
      if (upper[i] < '0' || upper[i] > '9') digits = false;
      n = n * 10 + static_cast<unsigned>(upper[i] - '0');
    }
    if (digits && n >= 1 && n <= 256) return n <= 16 ? 0xFE00 + n - 1 : 0xE0100 + n - 17;
  }
  for (const NameAlias& a : kNameAliases)
    if (a.name == upper) return a.cp;
  auto starts = [&](std::string_view prefix) { return upper.compare(0, prefix.size(), prefix) == 0; };
  // CPython matches the algorithmic names' spelling exactly and has no
  // algorithm for Tangut.
  if (starts("TANGUT IDEOGRAPH-")) return std::nullopt;
  if (starts("HANGUL SYLLABLE ") && !was_upper) return std::nullopt;
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (starts(kCjk)) {
    size_t digits = upper.size() - kCjk.size();
    if (!was_upper || (digits != 4 && digits != 5)) return std::nullopt;
  }
  std::copy(upper.begin(), upper.end(), buf);
  buf[upper.size()] = '\0';
  for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
    UErrorCode err = U_ZERO_ERROR;
    UChar32 c = u_charFromName(choice, buf, &err);
    if (U_SUCCESS(err) && c >= 0 && !newer_than_unicode_14(static_cast<char32_t>(c)))
      return static_cast<char32_t>(c);
  }
  return std::nullopt;
}

bool str_isalpha(std::u32string_view s) { return all_of_nonempty(s, is_alpha); }
bool str_isdecimal(std::u32string_view s) { return all_of_nonempty(s, is_decimal); }
bool str_isdigit(std::u32string_view s) { return all_of_nonempty(s, is_digit); }
bool str_isnumeric(std::u32string_view s) { return all_of_nonempty(s, is_numeric); }
bool str_isalnum(std::u32string_view s) { return all_of_nonempty(s, is_alnum); }
bool str_isspace(std::u32string_view s) { return all_of_nonempty(s, is_space); }

bool str_isprintable(std::u32string_view s) {
  for (char32_t c : s)
    if (!is_printable(c)) return false;
  return true;
}

bool str_isascii(std::u32string_view s) {
  for (char32_t c : s)
    if (c >= 0x80) return false;
  return true;
}

bool str_islower(std::u32string_view s) {
  bool cased = false;
  for (char32_t c : s) {
    if (is_upper(c) || is_title(c)) return false;
    if (is_lower(c)) cased = true;
  }
  return cased;
}

bool str_isupper(std::u32string_view s) {
  bool cased = false;
  for (char32_t c : s) {
    if (is_lower(c) || is_title(c)) return false;
    if (is_upper(c)) cased = true;
  }
  return cased;
}

bool str_istitle(std::u32string_view s) {
  bool cased = false;
  bool previous_is_cased = false;
  for (char32_t c : s) {
    if (is_upper(c) || is_title(c)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

bool str_isidentifier(std::u32string_view s) {
  if (s.empty()) return false;
  if (s[0] != U'_' && !is_xid_start(s[0])) return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (!is_xid_continue(s[i])) return false;
  return true;
}

std::string decimal_and_space_to_ascii(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else if (is_space(c)) {
      out.push_back(' ');
    } else {
      int d = decimal_value(c);
      if (d < 0) {
        out.push_back('?');
        break;
      }
      out.push_back(static_cast<char>('0' + d));
    }
  }
  return out;
}

}  // namespace pyrite::python::runtime
