// Printing syntax errors the way CPython does (docs/frontend.md).
#include "python/parse/syntax_error.h"

#include "python/parse/unicode_text.h"

namespace pyrite::python::parse {

namespace {

// Code points of a UTF-8 string, for caret alignment.
std::u32string decode(std::string_view s) {
  std::u32string out;
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    i += unicode::decode_one(p + i, p + s.size(), &cp);
    out.push_back(cp);
  }
  return out;
}

void encode(std::u32string_view s, std::string* out) {
  for (char32_t c : s) unicode::append_utf8(out, c);
}

}  // namespace

// ValueError (null bytes), MemoryError (parser stack) and RecursionError
// (compiler depth) carry no location: CPython prints only "Type: msg".
bool is_syntax_error_class(const std::string& type) {
  return type == "SyntaxError" || type == "IndentationError" || type == "TabError";
}

// Mirrors what CPython's default excepthook prints for a SyntaxError: the
// source line without its leading blanks (spaces, tabs, form feeds), and a
// caret line when the offset falls on or after the first printed character,
// counted in code points. The carets run to end_offset, or to the end of the
// line when the error spans lines, and are never fewer than one; an
// IndentationError (TabError too) always gets a single caret.
std::string format_syntax_error(const SyntaxError& e) {
  if (!is_syntax_error_class(e.type)) return e.type + (e.msg.empty() ? "" : ": " + e.msg) + "\n";
  std::string out = "  File \"" + e.filename + "\", line " + std::to_string(e.lineno) + "\n";
  if (!e.text.empty()) {
    std::u32string text = decode(e.text);
    size_t strip = 0;
    while (strip < text.size() && (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f')) strip++;
    text = text.substr(strip);
    int len = static_cast<int>(text.size());
    if (len > 0 && text.back() == '\n') len--;
    int col = e.offset - 1 - static_cast<int>(strip);
    int end_col = e.end_offset - 1 - static_cast<int>(strip);
    if (col > len) col = len;
    if (e.end_lineno > e.lineno || end_col > len) end_col = len;
    out += "    ";
    encode(text, &out);
    if (text.empty() || text.back() != '\n') out += "\n";
    if (e.offset > 0 && col >= 0) {
      out += "    ";
      out.append(col, ' ');
      bool indentation = e.type == "IndentationError" || e.type == "TabError";
      out.append(end_col - col > 1 && !indentation ? end_col - col : 1, '^');
      out += "\n";
    }
  }
  out += e.type + ": " + e.msg + "\n";
  return out;
}

std::string describe_syntax_error(const SyntaxError& e) {
  if (!is_syntax_error_class(e.type)) return e.type + (e.msg.empty() ? "" : ": " + e.msg);
  return e.type + ": " + e.msg + " (line " + std::to_string(e.lineno) + ", offset " + std::to_string(e.offset) +
         ")";
}

}  // namespace pyrite::python::parse
