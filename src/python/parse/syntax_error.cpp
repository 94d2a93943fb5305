// Printing syntax errors the way CPython does (docs/frontend.md).
#include "python/parse/syntax_error.h"

namespace pyrite::python::parse {

namespace {

// Code points of a UTF-8 string, for caret alignment.
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + k < s.size(); k++) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

void encode(std::u32string_view s, std::string* out) {
  for (char32_t c : s) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

}  // namespace

std::string format_syntax_error(const SyntaxError& e) {
  std::string out;
  if (e.type == "ValueError") return e.type + ": " + e.msg + "\n";
  out += "  File \"" + e.filename + "\", line " + std::to_string(e.lineno) + "\n";
  if (!e.text.empty()) {
    std::u32string text = decode(e.text);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    size_t spaces = 0;
    while (spaces < text.size() && (text[spaces] == ' ' || text[spaces] == '\n' || text[spaces] == '\f')) spaces++;
    std::u32string stripped = text.substr(spaces);
    out += "    ";
    encode(stripped, &out);
    out += "\n";
    if (e.offset > 0) {
      int offset = e.offset;
      int end_offset = e.end_offset > 0 && e.end_lineno == e.lineno ? e.end_offset : offset;
      if (end_offset <= offset) end_offset = offset + 1;
      int col = offset - 1 - static_cast<int>(spaces);
      int end_col = end_offset - 1 - static_cast<int>(spaces);
      if (col >= 0) {
        std::u32string pad;
        for (int i = 0; i < col; i++)
          pad.push_back(i < static_cast<int>(stripped.size()) && (stripped[i] == '\t' || stripped[i] == '\f')
                            ? stripped[i]
                            : U' ');
        out += "    ";
        encode(pad, &out);
        out.append(end_col - col, '^');
        out += "\n";
      }
    }
  }
  out += e.type + ": " + e.msg + "\n";
  return out;
}

std::string describe_syntax_error(const SyntaxError& e) {
  if (e.type == "ValueError") return e.type + ": " + e.msg;
  return e.type + ": " + e.msg + " (line " + std::to_string(e.lineno) + ", offset " + std::to_string(e.offset) +
         ")";
}

}  // namespace pyrite::python::parse
