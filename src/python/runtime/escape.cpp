// repr/ascii of strs and bytes and the escape encoders (docs/runtime.md,
// "Text"). Printability is unicode_props' is_printable, so repr follows the
// same Unicode data as str.isprintable.
#include "python/runtime/escape.h"

#include "python/runtime/unicode_props.h"

namespace pyrite::python::runtime {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// \xNN, \uNNNN or \UNNNNNNNN by size, in lowercase hex like CPython.
template <class Out>
void append_escape(char32_t c, Out* out) {
  int digits;
  out->push_back('\\');
  if (c <= 0xFF) {
    out->push_back('x');
    digits = 2;
  } else if (c <= 0xFFFF) {
    out->push_back('u');
    digits = 4;
  } else {
    out->push_back('U');
    digits = 8;
  }
  for (int i = digits - 1; i >= 0; --i) out->push_back(kHex[(c >> (4 * i)) & 0xF]);
}

template <class Text>
char32_t choose_quote(const Text& s) {
  bool single = false, dbl = false;
  for (auto c : s) {
    if (c == '\'') single = true;
    if (c == '"') dbl = true;
  }
  return single && !dbl ? '"' : '\'';
}

// The ASCII part shared by every repr: returns false for characters the
// caller decides about.
template <class Out>
bool append_ascii_repr(char32_t c, char32_t quote, Out* out) {
  if (c == quote || c == '\\') {
    out->push_back('\\');
    out->push_back(c);
  } else if (c == '\t') {
    out->push_back('\\');
    out->push_back('t');
  } else if (c == '\n') {
    out->push_back('\\');
    out->push_back('n');
  } else if (c == '\r') {
    out->push_back('\\');
    out->push_back('r');
  } else if (c < 0x20 || c == 0x7F) {
    append_escape(c, out);
  } else if (c < 0x7F) {
    out->push_back(c);
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::u32string repr_str(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size() + 2);
  char32_t quote = choose_quote(s);
  out.push_back(quote);
  for (char32_t c : s) {
    if (append_ascii_repr(c, quote, &out)) continue;
    if (is_printable(c))
      out.push_back(c);
    else
      append_escape(c, &out);
  }
  out.push_back(quote);
  return out;
}

std::string ascii_str(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  char32_t quote = choose_quote(s);
  out.push_back(static_cast<char>(quote));
  for (char32_t c : s) {
    if (!append_ascii_repr(c, quote, &out)) append_escape(c, &out);
  }
  out.push_back(static_cast<char>(quote));
  return out;
}

std::string repr_bytes(std::string_view bytes) {
  std::string out = "b";
  out.reserve(bytes.size() + 3);
  char32_t quote = choose_quote(bytes);
  out.push_back(static_cast<char>(quote));
  for (char ch : bytes) {
    char32_t c = static_cast<unsigned char>(ch);
    if (!append_ascii_repr(c, quote, &out)) append_escape(c, &out);
  }
  out.push_back(static_cast<char>(quote));
  return out;
}

std::string repr_bytearray(std::string_view bytes) {
  std::string out = "bytearray(b";
  out.reserve(bytes.size() + 14);
  char32_t quote = choose_quote(bytes);
  out.push_back(static_cast<char>(quote));
  for (char ch : bytes) {
    char32_t c = static_cast<unsigned char>(ch);
    // The quote test below is always for ', whichever quote was chosen.
    if (!append_ascii_repr(c, '\'', &out)) append_escape(c, &out);
  }
  out.push_back(static_cast<char>(quote));
  out += ")";
  return out;
}

std::string unicode_escape_encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_escape(c, &out);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string raw_unicode_escape_encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c <= 0xFF)
      out.push_back(static_cast<char>(c));
    else
      append_escape(c, &out);
  }
  return out;
}

}  // namespace pyrite::python::runtime
