// Number and string literal decoding (docs/frontend.md).
//
// String escapes follow CPython 3.11 exactly, including where its error
// positions come from: before decoding escapes CPython rewrites every
// non-ASCII character of a str literal as a 10-byte \U escape of eight hex digits (and
// a backslash before one as "\u005c"), so the positions in its
// 'unicodeescape' messages count in that rewritten text. We decode in place
// and only recompute those positions when an error is reported.
#include "python/parse/literals.h"

#include <algorithm>
#include <gmp.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "python/parse/unicode_text.h"
#include "python/runtime/codecs.h"

namespace pyrite::python::parse {

namespace {

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_octal(unsigned char c) { return c >= '0' && c <= '7'; }

}  // namespace

StringPrefix string_prefix(std::string_view text) {
  StringPrefix p;
  size_t i = 0;
  for (; i < text.size() && text[i] != '\'' && text[i] != '"'; i++) {
    switch (text[i]) {
      case 'r': case 'R': p.raw = true; break;
      case 'b': case 'B': p.bytes = true; break;
      case 'f': case 'F': p.fstring = true; break;
      case 'u': case 'U': p.unicode = true; break;
      default: break;
    }
  }
  p.length = static_cast<int>(i);
  p.quote_length = 1;
  if (i + 6 <= text.size() && text[i + 1] == text[i] && text[i + 2] == text[i]) p.quote_length = 3;
  return p;
}

// ---- numbers ------------------------------------------------------------------------

namespace {

double parse_double(const char* s, size_t n) {
  double d = 0;
  auto r = std::from_chars(s, s + n, d);
  if (r.ec == std::errc() && r.ptr == s + n) return d;
  // Out of range (1e400 -> inf, 1e-400 -> 0.0): from_chars leaves the value
  // alone there, strtod rounds as Python does. The text is NUL-terminated.
  return std::strtod(s, nullptr);
}

}  // namespace

ast::ConstValue parse_number(std::string_view text, base::Arena& arena) {
  // Underscores only separate digits; drop them first.
  char small[128];
  std::string large;
  char* s = small;
  if (text.size() >= sizeof small) {
    large.resize(text.size() + 1);
    s = large.data();
  }
  size_t n = 0;
  for (char c : text)
    if (c != '_') s[n++] = c;
  s[n] = '\0';

  ast::ConstValue v;
  char last = n ? s[n - 1] : '0';
  int base = 10;
  size_t digits = 0;
  if (n >= 2 && s[0] == '0') {
    char k = s[1];
    if (k == 'x' || k == 'X') base = 16;
    if (k == 'o' || k == 'O') base = 8;
    if (k == 'b' || k == 'B') base = 2;
    if (base != 10) digits = 2;
  }
  if (base == 10) {
    if (last == 'j' || last == 'J') {
      s[n - 1] = '\0';
      v.kind = ast::ConstKind::Complex;
      v.f = parse_double(s, n - 1);
      return v;
    }
    if (std::memchr(s, '.', n) || std::memchr(s, 'e', n) || std::memchr(s, 'E', n)) {
      v.kind = ast::ConstKind::Float;
      v.f = parse_double(s, n);
      return v;
    }
  }
  uint64_t value = 0;
  bool big = false;
  for (size_t i = digits; i < n; i++) {
    uint64_t d = static_cast<uint64_t>(hex_value(static_cast<unsigned char>(s[i])));
    if (value > (UINT64_C(0x7FFFFFFFFFFFFFFF) - d) / base) {
      big = true;
      break;
    }
    value = value * base + d;
  }
  if (!big) {
    v.kind = ast::ConstKind::Int;
    v.i = static_cast<int64_t>(value);
    return v;
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, s + digits, base);
  char* dec = mpz_get_str(nullptr, 10, z);
  v.kind = ast::ConstKind::BigInt;
  v.s = arena.copy(dec);
  void (*free_fn)(void*, size_t);
  mp_get_memory_functions(nullptr, nullptr, &free_fn);
  free_fn(dec, std::strlen(dec) + 1);
  mpz_clear(z);
  return v;
}

// ---- strings ------------------------------------------------------------------------

namespace {

// Position `pos` of `body` in the text CPython's str decoder actually sees
// (see the file comment).
size_t rewritten_position(std::string_view body, size_t pos) {
  size_t t = 0, i = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(body.data());
  const auto* e = b + body.size();
  while (i < pos && i < body.size()) {
    unsigned char c = b[i];
    if (c == '\\') {
      t++;
      i++;
      if (i >= body.size() || b[i] >= 0x80) {
        t += 5;
      } else if (i < pos) {
        t++;
        i++;
      }
    } else if (c >= 0x80) {
      uint32_t cp;
      i += unicode::decode_one(b + i, e, &cp);
      t += 10;
    } else {
      t++;
      i++;
    }
  }
  return t + (pos > body.size() ? pos - body.size() : 0);
}

std::string unicode_escape_error(std::string_view body, size_t start, size_t end,
                                 const char* reason) {
  size_t s = rewritten_position(body, start);
  size_t e = rewritten_position(body, end);
  char buf[128];
  if (e - s == 1)
    std::snprintf(buf, sizeof buf, "byte 0x5c in position %zu", s);
  else
    std::snprintf(buf, sizeof buf, "bytes in position %zu-%zu", s, e - 1);
  return std::string("(unicode error) 'unicodeescape' codec can't decode ") + buf + ": " + reason;
}

std::string utf8_error(std::string_view run, const unicode::DecodeError& de) {
  return "(unicode error) " + unicode::decode_error_message("utf-8", run, de);
}

// Escapes of a non-raw str literal. `body` is valid UTF-8 here; `out` has
// room for body.size() bytes, which no escape can exceed.
// The message of CPython's warn_invalid_escape_sequence for the escape
// whose character follows the backslash at `p` (the first invalid one).
void note_invalid_escape(std::string* warning, const unsigned char* p, size_t avail) {
  if (!warning || !warning->empty()) return;
  if (*p >= '4' && *p <= '7') {
    *warning = "invalid octal escape sequence '\\" +
               std::string(reinterpret_cast<const char*>(p), std::min<size_t>(3, avail)) + "'";
    return;
  }
  // CPython formats the byte with %c: a code point of that value.
  char buf[4];
  std::string c(buf, static_cast<size_t>(unicode::write_utf8(buf, *p) - buf));
  *warning = "invalid escape sequence '\\" + c + "'";
}

bool decode_str_escapes(std::string_view body, char* out, size_t* out_len, std::string* error,
                        std::string* warning) {
  const auto* b = reinterpret_cast<const unsigned char*>(body.data());
  size_t n = body.size();
  char* o = out;
  size_t i = 0;
  while (i < n) {
    unsigned char c = b[i];
    if (c != '\\') {
      *o++ = static_cast<char>(c);
      i++;
      continue;
    }
    size_t start = i++;
    if (i >= n) {  // a lone trailing backslash stays (CPython's "\u005c")
      *o++ = '\\';
      break;
    }
    c = b[i++];
    switch (c) {
      case '\n': break;  // line continuation
      case '\\': case '\'': case '"': *o++ = static_cast<char>(c); break;
      case 'a': *o++ = '\a'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'n': *o++ = '\n'; break;
      case 'r': *o++ = '\r'; break;
      case 't': *o++ = '\t'; break;
      case 'v': *o++ = '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = c - '0';
        if (i < n && is_octal(b[i])) {
          v = v * 8 + (b[i++] - '0');
          if (i < n && is_octal(b[i])) v = v * 8 + (b[i++] - '0');
        }
        if (v > 0377) note_invalid_escape(warning, b + start + 1, n - start - 1);
        o = unicode::write_utf8(o, v);
        break;
      }
      case 'x': case 'u': case 'U': {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        const char* what = c == 'x' ? runtime::kTruncatedHex2 : c == 'u' ? runtime::kTruncatedHex4 : runtime::kTruncatedHex8;
        uint32_t v = 0;
        for (int k = 0; k < count; k++, i++) {
          int d = i < n ? hex_value(b[i]) : -1;
          if (d < 0) {
            *error = unicode_escape_error(body, start, i, what);
            return false;
          }
          v = v * 16 + static_cast<uint32_t>(d);
        }
        if (v > 0x10FFFF) {
          *error = unicode_escape_error(body, start, i, "illegal Unicode character");
          return false;
        }
        o = unicode::write_utf8(o, v);
        break;
      }
      case 'N': {
        const char* malformed = "malformed \\N character escape";
        if (i >= n || b[i] != '{') {
          *error = unicode_escape_error(body, start, i, malformed);
          return false;
        }
        size_t name_start = ++i;
        size_t close = body.find('}', name_start);
        if (close == std::string_view::npos) {
          *error = unicode_escape_error(body, start, n, malformed);
          return false;
        }
        if (close == name_start) {
          *error = unicode_escape_error(body, start, close, malformed);
          return false;
        }
        i = close + 1;
        uint32_t cp;
        if (!unicode::lookup_name(body.substr(name_start, close - name_start), &cp)) {
          *error = unicode_escape_error(body, start, i, "unknown Unicode character name");
          return false;
        }
        o = unicode::write_utf8(o, cp);
        break;
      }
      default:
        // Not an escape: both characters stay. A backslash before a
        // non-ASCII character keeps it whole (it is copied next round).
        // (CPython turns non-ASCII characters into \U escapes first: no
        // warning for those.)
        if (c < 0x80) note_invalid_escape(warning, b + start + 1, n - start - 1);
        *o++ = '\\';
        if (c >= 0x80)
          i--;
        else
          *o++ = static_cast<char>(c);
        break;
    }
  }
  *out_len = static_cast<size_t>(o - out);
  return true;
}

bool decode_bytes_escapes(std::string_view body, char* out, size_t* out_len, std::string* error,
                          std::string* warning) {
  const auto* b = reinterpret_cast<const unsigned char*>(body.data());
  size_t n = body.size();
  char* o = out;
  size_t i = 0;
  while (i < n) {
    unsigned char c = b[i];
    if (c != '\\') {
      *o++ = static_cast<char>(c);
      i++;
      continue;
    }
    size_t start = i++;
    if (i >= n) {
      *error = "(value error) Trailing \\ in string";
      return false;
    }
    c = b[i++];
    switch (c) {
      case '\n': break;
      case '\\': case '\'': case '"': *o++ = static_cast<char>(c); break;
      case 'a': *o++ = '\a'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'n': *o++ = '\n'; break;
      case 'r': *o++ = '\r'; break;
      case 't': *o++ = '\t'; break;
      case 'v': *o++ = '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = c - '0';
        if (i < n && is_octal(b[i])) {
          v = v * 8 + (b[i++] - '0');
          if (i < n && is_octal(b[i])) v = v * 8 + (b[i++] - '0');
        }
        if (v > 0377) note_invalid_escape(warning, b + start + 1, n - start - 1);
        *o++ = static_cast<char>(v & 0xFF);  // "\777" wraps, as in CPython
        break;
      }
      case 'x': {
        int hi = i + 1 < n ? hex_value(b[i]) : -1;
        int lo = i + 1 < n ? hex_value(b[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
          char buf[96];
          std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", start);
          *error = buf;
          return false;
        }
        *o++ = static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default:
        note_invalid_escape(warning, b + start + 1, n - start - 1);
        *o++ = '\\';
        *o++ = static_cast<char>(c);
        break;
    }
  }
  *out_len = static_cast<size_t>(o - out);
  return true;
}

}  // namespace

bool decode_string_body(std::string_view body, bool raw, bool bytes, base::Arena& arena,
                        std::string_view* out, std::string* error, std::string* warning) {
  // Source read as str keeps \r\n and \r; CPython has turned them into \n
  // before the literal is ever seen.
  std::string translated;
  if (body.find('\r') != std::string_view::npos) {
    translated.reserve(body.size());
    for (size_t i = 0; i < body.size(); i++) {
      if (body[i] == '\r') {
        translated += '\n';
        if (i + 1 < body.size() && body[i + 1] == '\n') i++;
      } else {
        translated += body[i];
      }
    }
    body = translated;
  }
  bool has_escape = !raw && body.find('\\') != std::string_view::npos;

  if (bytes) {
    for (char c : body) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        *error = "bytes can only contain ASCII literal characters";
        return false;
      }
    }
    if (!has_escape) {
      *out = arena.copy(body);
      return true;
    }
    char* buf = static_cast<char*>(arena.allocate(body.size() + 1, 1));
    size_t len = 0;
    if (!decode_bytes_escapes(body, buf, &len, error, warning)) return false;
    *out = {buf, len};
    return true;
  }

  if (!has_escape) {
    unicode::DecodeError de;
    if (!unicode::check_utf8(body, &de)) {
      *error = utf8_error(body, de);
      return false;
    }
    *out = arena.copy(body);
    return true;
  }

  // With escapes CPython decodes each run of non-ASCII bytes on its own, so
  // a UTF-8 error's position counts from the start of its run.
  for (size_t i = 0; i < body.size();) {
    if (static_cast<unsigned char>(body[i]) < 0x80) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < body.size() && static_cast<unsigned char>(body[j]) >= 0x80) j++;
    std::string_view run = body.substr(i, j - i);
    unicode::DecodeError de;
    if (!unicode::check_utf8(run, &de)) {
      *error = utf8_error(run, de);
      return false;
    }
    i = j;
  }
  char* buf = static_cast<char*>(arena.allocate(body.size() + 1, 1));
  size_t len = 0;
  if (!decode_str_escapes(body, buf, &len, error, warning)) return false;
  *out = {buf, len};
  return true;
}

}  // namespace pyrite::python::parse
