// unicodedata's per-character fields and normalization from ICU, with
// CPython 3.11's conventions on top (docs/runtime.md, "Text"). Normalization
// runs on the stretches between lone surrogates: ICU works on UTF-16, where
// a lone high and a lone low surrogate would read as one character, and a
// surrogate is a starter that never composes, so cutting there changes
// nothing.
#include "python/runtime/unicode_database.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <vector>

#include "base/check.h"
#include "python/runtime/unicode_props.h"

namespace pyrite::python::runtime {

namespace {

bool valid(char32_t c) { return c <= kMaxCodePoint; }

bool unassigned(char32_t c) { return !valid(c) || u_charType(static_cast<UChar32>(c)) == U_UNASSIGNED; }

const char* short_value_name(UProperty property, int32_t value) {
  const char* name = u_getPropertyValueName(property, value, U_SHORT_PROPERTY_NAME);
  return name ? name : "";
}

const UNormalizer2* normalizer(NormalForm form) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* n = nullptr;
  switch (form) {
    case NormalForm::kNFC: n = unorm2_getNFCInstance(&err); break;
    case NormalForm::kNFD: n = unorm2_getNFDInstance(&err); break;
    case NormalForm::kNFKC: n = unorm2_getNFKCInstance(&err); break;
    case NormalForm::kNFKD: n = unorm2_getNFKDInstance(&err); break;
  }
  PYR_CHECK(U_SUCCESS(err) && n != nullptr);
  return n;
}

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

void normalize_piece(const UNormalizer2* n, std::u32string_view piece, std::u32string* out) {
  if (piece.empty()) return;
  std::vector<UChar> src;
  src.reserve(piece.size() + 8);
  for (char32_t c : piece) {
    if (c < 0x10000) {
      src.push_back(static_cast<UChar>(c));
    } else {
      src.push_back(U16_LEAD(c));
      src.push_back(U16_TRAIL(c));
    }
  }
  // Decompositions grow text by a bounded factor (at most 18 for NFKD of
  // one character); retry with the exact size if ICU asks for more.
  std::vector<UChar> dst(src.size() * 3 + 16);
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = unorm2_normalize(n, src.data(), static_cast<int32_t>(src.size()), dst.data(),
                                 static_cast<int32_t>(dst.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    dst.resize(static_cast<size_t>(len));
    err = U_ZERO_ERROR;
    len = unorm2_normalize(n, src.data(), static_cast<int32_t>(src.size()), dst.data(),
                           static_cast<int32_t>(dst.size()), &err);
  }
  PYR_CHECK(U_SUCCESS(err));
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(dst.data(), i, len, c);
    out->push_back(static_cast<char32_t>(c));
  }
}

}  // namespace

const char* unicode_category(char32_t c) {
  if (!valid(c)) return "Cn";
  return short_value_name(UCHAR_GENERAL_CATEGORY, u_charType(static_cast<UChar32>(c)));
}

const char* unicode_bidirectional(char32_t c) {
  if (unassigned(c)) return "";
  return short_value_name(UCHAR_BIDI_CLASS, u_charDirection(static_cast<UChar32>(c)));
}

int unicode_combining(char32_t c) {
  return valid(c) ? u_getCombiningClass(static_cast<UChar32>(c)) : 0;
}

bool unicode_mirrored(char32_t c) { return !unassigned(c) && u_isMirrored(static_cast<UChar32>(c)); }

const char* unicode_east_asian_width(char32_t c) {
  if (unassigned(c)) return "F";
  return short_value_name(UCHAR_EAST_ASIAN_WIDTH,
                          u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH));
}

std::string unicode_decomposition(char32_t c) {
  if (unassigned(c) || (c >= 0xAC00 && c <= 0xD7A3)) return "";
  UChar buf[32];
  UErrorCode err = U_ZERO_ERROR;
  UErrorCode inst_err = U_ZERO_ERROR;
  const UNormalizer2* nfkd = unorm2_getNFKDInstance(&inst_err);
  PYR_CHECK(U_SUCCESS(inst_err));
  int32_t len = unorm2_getRawDecomposition(nfkd, static_cast<UChar32>(c), buf, 32, &err);
  if (U_FAILURE(err) || len < 0) return "";
  std::string out;
  int32_t type = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_DECOMPOSITION_TYPE);
  if (type != U_DT_CANONICAL && type != U_DT_NONE) {
    // ICU's long value names are CPython's tags ("noBreak" aside, which
    // ICU spells "Nobreak").
    const char* name = u_getPropertyValueName(UCHAR_DECOMPOSITION_TYPE, type, U_LONG_PROPERTY_NAME);
    std::string tag = name ? name : "";
    if (!tag.empty()) tag[0] = static_cast<char>(tag[0] - 'A' + 'a');
    if (tag == "nobreak") tag = "noBreak";
    out = "<" + tag + ">";
  }
  for (int32_t i = 0; i < len;) {
    UChar32 d;
    U16_NEXT(buf, i, len, d);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(d));
    if (!out.empty()) out += ' ';
    out += hex;
  }
  return out;
}

std::optional<NormalForm> lookup_normal_form(std::string_view name) {
  if (name == "NFC") return NormalForm::kNFC;
  if (name == "NFD") return NormalForm::kNFD;
  if (name == "NFKC") return NormalForm::kNFKC;
  if (name == "NFKD") return NormalForm::kNFKD;
  return std::nullopt;
}

std::u32string unicode_normalize(NormalForm form, std::u32string_view text) {
  const UNormalizer2* n = normalizer(form);
  std::u32string out;
  out.reserve(text.size());
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !is_surrogate(text[i])) continue;
    normalize_piece(n, text.substr(start, i - start), &out);
    if (i < text.size()) out.push_back(text[i]);
    start = i + 1;
  }
  return out;
}

bool unicode_is_normalized(NormalForm form, std::u32string_view text) {
  return unicode_normalize(form, text) == text;
}

}  // namespace pyrite::python::runtime
