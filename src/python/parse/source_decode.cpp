// Source decoding, PEP 263 / PEP 3120 (docs/frontend.md): bytes of a source
// file -> the UTF-8 the tokenizer reads.
//
// This reproduces CPython 3.11's compile() of bytes, quirks included:
// newlines are translated and a final one appended first; without a BOM or a
// declaration the bytes are NOT validated here (CPython reports bad UTF-8
// only where the tokenizer or the string decoder meets it); a declaration
// naming UTF-8 by one of the spellings the tokenizer itself recognizes is not
// validated either, while other spellings ("utf8") go through the codec and
// are. Decoding errors carry lineno 0 and offset -1, as CPython's do.
#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "python/parse/tokenizer.h"
#include "python/parse/unicode_text.h"

namespace pyrite::python::parse {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The tokenizer's own spelling check: only utf-8 and latin-1 variants are
// renamed (looking at the first 12 characters, '_' read as '-').
std::string tokenizer_normal_name(const std::string& s) {
  std::string buf;
  for (size_t i = 0; i < s.size() && i < 12; i++) buf += s[i] == '_' ? '-' : lower(s[i]);
  auto starts = [&](const char* p) { return buf.compare(0, std::strlen(p), p) == 0; };
  if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
  if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") ||
      starts("iso-8859-1-") || starts("iso-latin-1-"))
    return "iso-8859-1";
  return s;
}

// Finds a coding declaration in one line: a comment line matching
// `coding[:=]\s*([-\w.]+)`.
bool find_coding_spec(std::string_view line, std::string* spec) {
  size_t i = 0;
  for (; i + 6 < line.size(); i++) {
    if (line[i] == '#') break;
    if (!is_space(line[i])) return false;
  }
  for (; i + 6 < line.size(); i++) {
    if (line.compare(i, 6, "coding") != 0) continue;
    size_t t = i + 6;
    if (line[t] != ':' && line[t] != '=') continue;
    do {
      t++;
    } while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
    size_t begin = t;
    while (t < line.size() && (is_alnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.'))
      t++;
    if (begin < t) {
      *spec = tokenizer_normal_name(std::string(line.substr(begin, t - begin)));
      return true;
    }
  }
  return false;
}

// A line with nothing but blanks and possibly a comment lets the
// declaration be on line 2.
bool is_comment_or_blank(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (!is_space(c)) return false;
  }
  return true;
}

// Python's codec-lookup normalization: lower case, runs of punctuation
// (except '.') become one '_', no leading or trailing '_'.
std::string codec_key(const std::string& name) {
  std::string out;
  bool punct = false;
  for (char c : name) {
    if (is_alnum(c) || c == '.') {
      if (punct && !out.empty()) out += '_';
      punct = false;
      out += lower(c);
    } else {
      punct = true;
    }
  }
  return out;
}

bool one_of(const std::string& key, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (key == n) return true;
  return false;
}

void encoding_error(SyntaxError* error, std::string msg) {
  *error = SyntaxError{};
  error->msg = std::move(msg);
  error->lineno = 0;
  error->offset = -1;
}

// Python codec names whose iconv spelling differs from the obvious one.
const char* iconv_name(const std::string& key) {
  struct Alias {
    const char* python;
    const char* iconv;
  };
  static const Alias kAliases[] = {
      {"sjis", "SHIFT_JIS"},     {"s_jis", "SHIFT_JIS"},     {"shift_jis", "SHIFT_JIS"},
      {"ms932", "CP932"},        {"mskanji", "CP932"},       {"ms_kanji", "CP932"},
      {"932", "CP932"},          {"eucjp", "EUC-JP"},        {"ujis", "EUC-JP"},
      {"u_jis", "EUC-JP"},       {"euckr", "EUC-KR"},        {"ks_c_5601", "EUC-KR"},
      {"ms949", "CP949"},        {"uhc", "CP949"},           {"949", "CP949"},
      {"936", "GBK"},            {"cp936", "GBK"},           {"ms936", "GBK"},
      {"big5_tw", "BIG5"},       {"csbig5", "BIG5"},         {"big5hkscs", "BIG5-HKSCS"},
      {"macroman", "MACINTOSH"}, {"mac_roman", "MACINTOSH"}, {"macintosh", "MACINTOSH"},
      {"latin9", "ISO-8859-15"}, {"l9", "ISO-8859-15"},      {"utf_16", "UTF-16"},
      {"utf16", "UTF-16"},       {"utf_16_le", "UTF-16LE"},  {"utf_16_be", "UTF-16BE"},
      {"utf_32", "UTF-32"},      {"utf32", "UTF-32"},        {"utf_32_le", "UTF-32LE"},
      {"utf_32_be", "UTF-32BE"}, {"utf_7", "UTF-7"},         {"utf7", "UTF-7"},
  };
  for (const Alias& a : kAliases)
    if (key == a.python) return a.iconv;
  return nullptr;
}

// Single-byte codecs are "charmap" codecs in Python and word their errors so.
bool is_charmap(const std::string& key) {
  if (one_of(key, {"cp932", "cp936", "cp949", "cp950"})) return false;
  for (const char* p : {"cp", "windows", "iso8859", "iso_8859", "koi8", "mac", "latin", "tis"})
    if (key.compare(0, std::strlen(p), p) == 0) return true;
  return false;
}

bool transcode_iconv(std::string_view text, const std::string& spec, const std::string& key,
                     std::string* out, SyntaxError* error) {
  std::string name;
  if (const char* n = iconv_name(key)) {
    name = n;
  } else {
    for (char c : key) name += c == '_' ? '-' : static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    encoding_error(error, "unknown encoding: " + spec);
    return false;
  }
  out->clear();
  out->resize(text.size() * 4 + 16);
  char* in = const_cast<char*>(text.data());
  size_t in_left = text.size();
  char* o = out->data();
  size_t out_left = out->size();
  size_t r = iconv(cd, &in, &in_left, &o, &out_left);
  int err = errno;
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) {
    size_t pos = static_cast<size_t>(in - text.data());
    unicode::DecodeError de{pos, pos + 1, ""};
    std::string codec = key;
    if (is_charmap(key)) {
      codec = "charmap";
      de.reason = "character maps to <undefined>";
    } else {
      de.reason = err == EINVAL ? "incomplete multibyte sequence" : "illegal multibyte sequence";
    }
    encoding_error(error, unicode::decode_error_message(codec, text, de));
    return false;
  }
  out->resize(static_cast<size_t>(o - out->data()));
  return true;
}

// Decodes `text` (everything after a BOM) from the declared encoding.
bool transcode(std::string_view text, const std::string& spec, std::string* out,
               SyntaxError* error) {
  std::string key = codec_key(spec);
  if (one_of(key, {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001",
                   "utf_8_sig", "utf8_sig"})) {
    if (key.find("sig") != std::string::npos && text.substr(0, 3) == "\xEF\xBB\xBF")
      text.remove_prefix(3);
    unicode::DecodeError de;
    if (!unicode::check_utf8(text, &de)) {
      encoding_error(error, unicode::decode_error_message("utf-8", text, de));
      return false;
    }
    out->assign(text);
    return true;
  }
  if (one_of(key, {"ascii", "us_ascii", "us", "646", "ansi_x3.4_1968", "ansi_x3_4_1968",
                   "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991",
                   "iso_ir_6"})) {
    for (size_t i = 0; i < text.size(); i++) {
      if (static_cast<unsigned char>(text[i]) >= 0x80) {
        encoding_error(error, unicode::decode_error_message(
                                  "ascii", text, {i, i + 1, "ordinal not in range(128)"}));
        return false;
      }
    }
    out->assign(text);
    return true;
  }
  if (one_of(key, {"iso_8859_1", "latin_1", "latin1", "l1", "latin", "iso8859_1", "8859", "cp819",
                   "ibm819", "iso_ir_100", "csisolatin1", "iso_8859_1_1987", "iso_8859_1"})) {
    out->clear();
    out->reserve(text.size() + text.size() / 8);
    for (unsigned char c : text) unicode::append_utf8(out, c);
    return true;
  }
  if (one_of(key, {"base64", "base_64", "base64_codec", "bz2", "bz2_codec", "hex", "hex_codec",
                   "quopri", "quopri_codec", "quoted_printable", "quotedprintable", "rot13",
                   "rot_13", "uu", "uu_codec", "zip", "zlib", "zlib_codec"})) {
    encoding_error(error, "'" + spec +
                              "' is not a text encoding; use codecs.decode() to handle arbitrary "
                              "codecs");
    return false;
  }
  return transcode_iconv(text, spec, key, out, error);
}

}  // namespace

bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error) {
  return decode_source(bytes, utf8, error, nullptr);
}

bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error,
                   bool* known_encoding) {
  if (known_encoding) *known_encoding = false;
  if (std::memchr(bytes.data(), 0, bytes.size())) {
    *error = SyntaxError{};
    error->type = "ValueError";
    error->msg = "source code string cannot contain null bytes";
    return false;
  }

  // CPython translates \r\n and \r to \n and appends a final newline before
  // anything else, so codec error positions count in that text.
  std::string buf;
  buf.reserve(bytes.size() + 1);
  if (std::memchr(bytes.data(), '\r', bytes.size())) {
    for (size_t i = 0; i < bytes.size(); i++) {
      if (bytes[i] == '\r') {
        buf += '\n';
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') i++;
      } else {
        buf += bytes[i];
      }
    }
  } else {
    buf.assign(bytes);
  }
  if (buf.empty() || buf.back() != '\n') buf += '\n';

  std::string_view text = buf;
  bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) text.remove_prefix(3);

  size_t nl1 = text.find('\n');
  std::string_view line1 = text.substr(0, nl1);
  std::string spec;
  bool found = find_coding_spec(line1, &spec);
  if (!found && is_comment_or_blank(line1) && nl1 + 1 < text.size()) {
    size_t nl2 = text.find('\n', nl1 + 1);
    found = find_coding_spec(text.substr(nl1 + 1, nl2 - (nl1 + 1)), &spec);
  }

  if (found && bom && spec != "utf-8") {
    encoding_error(error, "encoding problem: " + spec + " with BOM");
    return false;
  }
  if (known_encoding) *known_encoding = found || bom;
  if (!found || spec == "utf-8") {
    if (bom)
      utf8->assign(text);
    else
      *utf8 = std::move(buf);
    return true;
  }
  return transcode(text, spec, utf8, error);
}

}  // namespace pyrite::python::parse
