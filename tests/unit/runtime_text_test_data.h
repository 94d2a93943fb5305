// Helpers shared by the runtime text tests: reading the python3.11-generated
// tables in tests/unit/data/ (hex-encoded text and bytes) and the Unicode
// version gap between ICU and CPython 3.11 (docs/runtime.md, "Text").
#pragma once

#include <unicode/uchar.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace pyrite::test::text {

// Tab-separated rows of tests/unit/data/NAME, comments skipped.
inline std::vector<std::vector<std::string>> load_rows(const std::string& name) {
  std::string here = __FILE__;
  std::ifstream in(here.substr(0, here.rfind('/')) + "/data/" + name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    rows.push_back(fields);
  }
  return rows;
}

// "61.E9" -> U"aé"; "-" is the empty string.
inline std::u32string text_of(const std::string& s) {
  std::u32string out;
  if (s == "-") return out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, '.')) out.push_back(static_cast<char32_t>(std::stoul(part, nullptr, 16)));
  return out;
}

// "61ff" -> "a\xff"; "-" is empty.
inline std::string bytes_of(const std::string& s) {
  std::string out;
  if (s == "-") return out;
  for (size_t i = 0; i + 1 < s.size(); i += 2)
    out.push_back(static_cast<char>(std::stoul(s.substr(i, 2), nullptr, 16)));
  return out;
}

inline std::string hex_text(std::u32string_view s) {
  std::string out;
  char buf[16];
  for (char32_t c : s) {
    std::snprintf(buf, sizeof buf, "%s%X", out.empty() ? "" : ".", static_cast<unsigned>(c));
    out += buf;
  }
  return out.empty() ? "-" : out;
}

inline std::string hex_bytes(std::string_view s) {
  std::string out;
  char buf[4];
  for (char c : s) {
    std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
    out += buf;
  }
  return out.empty() ? "-" : out;
}

// zlib's CRC-32 (Python's zlib.crc32), bit by bit; the tables hash whole
// blocks of code points with it.
inline uint32_t crc32_of(std::string_view s) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : s) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

inline std::string crc_hex(std::string_view s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(crc32_of(s)));
  return buf;
}

// CPython 3.11 has Unicode 14 data; characters ICU dates from a later
// version are unassigned (Cn) for it.
inline bool newer_than_unicode_14(char32_t c) {
  UVersionInfo age;
  u_charAge(static_cast<UChar32>(c), age);
  return age[0] > 14;
}

}  // namespace pyrite::test::text
