// Full case mappings of Python strs with CPython 3.11's rules on top of
// ICU's per-character data (docs/runtime.md, "Text"). Each character is
// mapped on its own (never a whole string through ICU) because ICU's
// string functions see UTF-16 and would pair two lone surrogates into one
// character, and because CPython's context rules (Final_Sigma, title) are
// its own, not ICU's word-break based ones.
#include "python/runtime/unicode_case.h"

#include <unicode/casemap.h>
#include <unicode/stringoptions.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "base/check.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python::runtime {

namespace {

enum class Mapping { kLower, kUpper, kTitle, kFold };

// One character through ICU's full mapping in the root locale (never the
// process locale: Turkish dotless i must not leak in).
void append_full(char32_t c, Mapping m, std::u32string* out) {
  if (c > kMaxCodePoint || (c >= 0xD800 && c <= 0xDFFF)) {
    out->push_back(c);
    return;
  }
  char16_t src[2];
  int32_t src_len = 0;
  U16_APPEND_UNSAFE(src, src_len, static_cast<UChar32>(c));
  // The longest full mapping is three characters, each at most 2 units.
  char16_t dest[8];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = 0;
  switch (m) {
    case Mapping::kLower:
      n = icu::CaseMap::toLower("", 0, src, src_len, dest, 8, nullptr, err);
      break;
    case Mapping::kUpper:
      n = icu::CaseMap::toUpper("", 0, src, src_len, dest, 8, nullptr, err);
      break;
    case Mapping::kTitle:
      // The whole one-character string is one "word"; no break iterator and
      // no skipping to the first cased letter.
      n = icu::CaseMap::toTitle("", U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_BREAK_ADJUSTMENT,
                                nullptr, src, src_len, dest, 8, nullptr, err);
      break;
    case Mapping::kFold:
      n = icu::CaseMap::fold(U_FOLD_CASE_DEFAULT, src, src_len, dest, 8, nullptr, err);
      break;
  }
  PYR_CHECK(U_SUCCESS(err) && n <= 8);
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U16_NEXT(dest, i, n, cp);
    out->push_back(static_cast<char32_t>(cp));
  }
}

// CPython's Final_Sigma test for the U+03A3 at s[i]:
//   cased case-ignorable* U+03A3 !(case-ignorable* cased)
bool is_final_sigma(std::u32string_view s, size_t i) {
  size_t j = i;
  while (j > 0 && is_case_ignorable(s[j - 1])) --j;
  if (j == 0 || !is_cased(s[j - 1])) return false;
  j = i + 1;
  while (j < s.size() && is_case_ignorable(s[j])) ++j;
  return j == s.size() || !is_cased(s[j]);
}

// Lowercase of s[i] in context (only the capital sigma looks around).
void append_lower_at(std::u32string_view s, size_t i, std::u32string* out) {
  char32_t c = s[i];
  if (c == 0x03A3) {
    out->push_back(is_final_sigma(s, i) ? 0x03C2 : 0x03C3);
    return;
  }
  append_lower(c, out);
}

}  // namespace

void append_lower(char32_t c, std::u32string* out) {
  if (c < 0x80) {
    out->push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return;
  }
  append_full(c, Mapping::kLower, out);
}

void append_upper(char32_t c, std::u32string* out) {
  if (c < 0x80) {
    out->push_back(c >= 'a' && c <= 'z' ? c - 32 : c);
    return;
  }
  append_full(c, Mapping::kUpper, out);
}

void append_title(char32_t c, std::u32string* out) {
  if (c < 0x80) {
    out->push_back(c >= 'a' && c <= 'z' ? c - 32 : c);
    return;
  }
  append_full(c, Mapping::kTitle, out);
}

void append_casefold(char32_t c, std::u32string* out) {
  if (c < 0x80) {
    out->push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return;
  }
  append_full(c, Mapping::kFold, out);
}

std::u32string str_lower(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) append_lower_at(s, i, &out);
  return out;
}

std::u32string str_upper(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) append_upper(c, &out);
  return out;
}

std::u32string str_casefold(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) append_casefold(c, &out);
  return out;
}

std::u32string str_title(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  bool previous_is_cased = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (previous_is_cased)
      append_lower_at(s, i, &out);
    else
      append_title(s[i], &out);
    previous_is_cased = is_cased(s[i]);
  }
  return out;
}

std::u32string str_capitalize(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  if (s.empty()) return out;
  append_title(s[0], &out);
  for (size_t i = 1; i < s.size(); ++i) append_lower_at(s, i, &out);
  return out;
}

std::u32string str_swapcase(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (is_upper(c))
      append_lower_at(s, i, &out);
    else if (is_lower(c))
      append_upper(c, &out);
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace pyrite::python::runtime
