// UTF-8 checking and Unicode properties for the front end (docs/frontend.md).
//
// The UTF-8 checker follows the "maximal subpart" rule: an error covers the
// longest prefix of a well-formed sequence, so its byte range and reason are
// those Python's 'utf-8' codec reports. Character properties come from ICU;
// its Unicode version may be newer than CPython 3.11's (14.0), which only
// matters for characters assigned since.
#include "python/parse/unicode_text.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <vector>

namespace pyrite::python::parse::unicode {

namespace {

inline bool is_cont(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

bool check_utf8(std::string_view s, DecodeError* error) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    int need;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;  // surrogates are not valid UTF-8
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      *error = {i, i + 1, "invalid start byte"};
      return false;
    }
    for (int k = 1; k <= need; k++) {
      if (i + k >= n) {
        *error = {i, n, "unexpected end of data"};
        return false;
      }
      unsigned char c = p[i + k];
      bool ok = k == 1 ? (c >= lo && c <= hi) : is_cont(c);
      if (!ok) {
        *error = {i, i + k, "invalid continuation byte"};
        return false;
      }
    }
    i += need + 1;
  }
  return true;
}

std::string decode_error_message(std::string_view codec, std::string_view bytes,
                                 const DecodeError& error) {
  char buf[160];
  if (error.end - error.start == 1) {
    unsigned b = error.start < bytes.size() ? static_cast<unsigned char>(bytes[error.start]) : 0;
    std::snprintf(buf, sizeof buf, "' codec can't decode byte 0x%02x in position %zu: ", b,
                  error.start);
  } else {
    std::snprintf(buf, sizeof buf, "' codec can't decode bytes in position %zu-%zu: ", error.start,
                  error.end - 1);
  }
  std::string msg = "'";
  msg += codec;
  msg += buf;
  msg += error.reason;
  return msg;
}

int decode_one(const unsigned char* p, const unsigned char* end, uint32_t* cp) {
  unsigned char b = p[0];
  if (b < 0x80 || end - p < 2) {
    *cp = b;
    return 1;
  }
  if (b < 0xE0) {
    *cp = ((b & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (b < 0xF0 || end - p < 4) {
    if (end - p < 3) {
      *cp = b;
      return 1;
    }
    *cp = ((b & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  *cp = ((b & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  return 4;
}

int utf8_length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

char* write_utf8(char* out, uint32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

void append_utf8(std::string* out, uint32_t cp) {
  char buf[4];
  char* e = write_utf8(buf, cp);
  out->append(buf, e - buf);
}

bool is_xid_start(uint32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_XID_START);
}

bool is_xid_continue(uint32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_XID_CONTINUE);
}

bool is_printable(uint32_t cp) {
  if (cp == ' ') return true;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_CONTROL_CHAR:          // Cc
    case U_FORMAT_CHAR:           // Cf
    case U_SURROGATE:             // Cs
    case U_PRIVATE_USE_CHAR:      // Co
    case U_UNASSIGNED:            // Cn
    case U_LINE_SEPARATOR:        // Zl
    case U_PARAGRAPH_SEPARATOR:   // Zp
    case U_SPACE_SEPARATOR:       // Zs
      return false;
    default:
      return true;
  }
}

namespace {

struct NameAlias {
  uint32_t cp;
  std::string_view name;
};
constexpr NameAlias kNameAliases[] = {
#define NAME_ALIAS(cp, name) {cp, name},
#include "python/parse/name_aliases.def"
};

bool same_name(std::string_view a, std::string_view upper) {
  if (a.size() != upper.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    char c = a[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

// ICU knows only the "correction" aliases; Python accepts all of them.
bool lookup_alias(std::string_view name, uint32_t* cp) {
  if (name.size() >= 3 && name.size() <= 5 && (name[0] == 'V' || name[0] == 'v') &&
      (name[1] == 'S' || name[1] == 's') && name[2] >= '1' && name[2] <= '9') {
    uint32_t n = 0;
    for (size_t i = 2; i < name.size(); i++) {
      if (name[i] < '0' || name[i] > '9') return false;
      n = n * 10 + static_cast<uint32_t>(name[i] - '0');
    }
    if (n < 1 || n > 256) return false;
    *cp = n <= 16 ? 0xFE00 + n - 1 : 0xE0100 + n - 17;
    return true;
  }
  for (const NameAlias& a : kNameAliases) {
    if (same_name(name, a.name)) {
      *cp = a.cp;
      return true;
    }
  }
  return false;
}

}  // namespace

bool lookup_name(std::string_view name, uint32_t* cp) {
  // ICU wants a NUL-terminated ASCII name; no character name is longer than
  // about 90 characters, so anything longer cannot match.
  char buf[128];
  if (name.empty() || name.size() >= sizeof buf) return false;
  for (size_t i = 0; i < name.size(); i++) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    // ICU ignores some spacing differences Python does not accept.
    if (c >= 0x80 || c == 0) return false;
    if (c == ' ' && (i == 0 || i + 1 == name.size() || name[i + 1] == ' ')) return false;
    buf[i] = static_cast<char>(c);
  }
  buf[name.size()] = '\0';
  if (lookup_alias(name, cp)) return true;
  // Algorithmic names: CPython 3.11 spells them in upper case only, knows
  // the CJK ideographs of Unicode 14 (with 4 or 5 hex digits) and no Tangut.
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  bool lower_case = upper != name;
  if (upper.rfind("HANGUL SYLLABLE ", 0) == 0 && lower_case) return false;
  if (upper.rfind("TANGUT IDEOGRAPH-", 0) == 0) return false;
  static constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (upper.rfind(kCjk, 0) == 0) {
    size_t digits = name.size() - kCjk.size();
    if (lower_case || (digits != 4 && digits != 5)) return false;
    uint32_t v = 0;
    for (char c : name.substr(kCjk.size())) {
      int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<uint32_t>(d);
    }
    static constexpr uint32_t kRanges[][2] = {
        {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0x20000, 0x2A6DF}, {0x2A700, 0x2B738},
        {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x30000, 0x3134A}};
    for (const auto& r : kRanges) {
      if (v >= r[0] && v <= r[1]) {
        *cp = v;
        return true;
      }
    }
    return false;
  }
  for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
    UErrorCode status = U_ZERO_ERROR;
    UChar32 c = u_charFromName(choice, buf, &status);
    if (U_SUCCESS(status) && c >= 0) {
      // ICU may know a newer Unicode than CPython 3.11's 14.0.
      UVersionInfo age;
      u_charAge(c, age);
      if (age[0] > 14) return false;
      *cp = static_cast<uint32_t>(c);
      return true;
    }
  }
  return false;
}

bool normalize_nfkc(std::string_view utf8, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfkc = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return false;
  std::vector<UChar> src(utf8.size() + 1);
  int32_t src_len = 0;
  u_strFromUTF8(src.data(), static_cast<int32_t>(src.size()), &src_len, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return false;
  if (unorm2_isNormalized(nfkc, src.data(), src_len, &status) && U_SUCCESS(status)) return false;
  status = U_ZERO_ERROR;
  // NFKC can expand a character up to 18 times (U+FDFA).
  std::vector<UChar> dst(static_cast<size_t>(src_len) * 18 + 16);
  int32_t dst_len = unorm2_normalize(nfkc, src.data(), src_len, dst.data(),
                                     static_cast<int32_t>(dst.size()), &status);
  if (U_FAILURE(status)) return false;
  std::string result(static_cast<size_t>(dst_len) * 3 + 1, '\0');
  int32_t out_len = 0;
  u_strToUTF8(result.data(), static_cast<int32_t>(result.size()), &out_len, dst.data(), dst_len,
              &status);
  if (U_FAILURE(status)) return false;
  result.resize(static_cast<size_t>(out_len));
  *out = std::move(result);
  return true;
}

}  // namespace pyrite::python::parse::unicode
