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

// Python codec names whose iconv spelling differs from the obvious one,
// with the name Python's own messages use for the codec.
struct Codec {
  const char* iconv;
  const char* name;  // nullptr: a single-byte ("charmap") codec
};

const Codec* known_codec(const std::string& key) {
  struct Alias {
    std::initializer_list<const char*> keys;
    Codec codec;
  };
  static const Alias kAliases[] = {
      {{"shift_jis", "sjis", "s_jis", "shiftjis", "csshiftjis"}, {"SHIFT_JIS", "shift_jis"}},
      {{"cp932", "ms932", "mskanji", "ms_kanji", "932"}, {"CP932", "cp932"}},
      {{"euc_jp", "eucjp", "ujis", "u_jis"}, {"EUC-JP", "euc_jp"}},
      {{"euc_kr", "euckr", "korean", "ksc5601", "ks_c_5601", "ks_c_5601_1987", "ks_x_1001"},
       {"EUC-KR", "euc_kr"}},
      {{"cp949", "ms949", "uhc", "949"}, {"CP949", "cp949"}},
      {{"gbk", "936", "cp936", "ms936"}, {"GBK", "gbk"}},
      {{"gb2312", "chinese", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980", "gb2312_80"},
       {"GB2312", "gb2312"}},
      {{"gb18030", "gb18030_2000"}, {"GB18030", "gb18030"}},
      {{"big5", "big5_tw", "csbig5"}, {"BIG5", "big5"}},
      {{"big5hkscs", "big5_hkscs", "hkscs"}, {"BIG5-HKSCS", "big5hkscs"}},
      {{"cp950", "ms950", "950"}, {"CP950", "cp950"}},
      {{"iso2022_jp", "iso2022jp", "iso_2022_jp", "csiso2022jp"}, {"ISO-2022-JP", "iso2022_jp"}},
      {{"iso2022_kr", "iso2022kr", "iso_2022_kr", "csiso2022kr"}, {"ISO-2022-KR", "iso2022_kr"}},
      {{"euc_jis_2004", "jisx0213", "eucjis2004"}, {"EUC-JISX0213", "euc_jis_2004"}},
      {{"shift_jis_2004", "shiftjis2004", "sjis_2004", "s_jis_2004"},
       {"SHIFT_JISX0213", "shift_jis_2004"}},
      {{"utf_16", "utf16", "u16", "utf_16_le", "utf_16le"}, {"UTF-16LE", "utf-16-le"}},
      {{"utf_16_be", "utf_16be"}, {"UTF-16BE", "utf-16-be"}},
      {{"utf_32", "utf32", "u32", "utf_32_le", "utf_32le"}, {"UTF-32LE", "utf-32-le"}},
      {{"utf_32_be", "utf_32be"}, {"UTF-32BE", "utf-32-be"}},
      {{"utf_7", "utf7", "u7", "unicode_1_1_utf_7"}, {"UTF-7", "utf7"}},
      {{"mac_roman", "macroman", "macintosh"}, {"MACINTOSH", nullptr}},
      {{"latin9", "l9", "iso8859_15", "iso_8859_15"}, {"ISO-8859-15", nullptr}},
      {{"ptcp154", "csptcp154", "pt154", "cp154", "cyrillic_asian"}, {"PT154", nullptr}},
      {{"cp037", "ibm037", "ibm039", "ebcdic_cp_us", "ebcdic_cp_ca", "ebcdic_cp_wt",
        "ebcdic_cp_nl", "csibm037"},
       {"IBM037", nullptr}},
  };
  for (const Alias& a : kAliases)
    for (const char* k : a.keys)
      if (key == k) return &a.codec;
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
  const Codec* codec = known_codec(key);
  std::string name;
  if (codec) {
    name = codec->iconv;
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
    std::string codec_name = codec && codec->name ? codec->name : key;
    bool charmap = codec ? codec->name == nullptr : is_charmap(key);
    if (charmap) {
      codec_name = "charmap";
      de.reason = "character maps to <undefined>";
    } else if (codec_name.rfind("utf", 0) == 0) {
      de.reason = err == EINVAL ? "truncated data" : "unexpected special character";
    } else {
      de.reason = err == EINVAL ? "incomplete multibyte sequence" : "illegal multibyte sequence";
    }
    encoding_error(error, unicode::decode_error_message(codec_name, text, de));
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
  return decode_source(bytes, utf8, error, known_encoding, DecodeOptions{});
}

bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error,
                   bool* known_encoding, const DecodeOptions& options) {
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
  if (options.script_file && !found && !bom) {
    unicode::DecodeError de;
    if (!unicode::check_utf8(text, &de)) {
      size_t line = 1;
      for (size_t i = 0; i < de.start; i++) line += text[i] == '\n';
      char buf[64];
      std::snprintf(buf, sizeof buf, "Non-UTF-8 code starting with '\\x%02x' in file ",
                    static_cast<unsigned char>(text[de.start]));
      *error = SyntaxError{};
      error->msg = buf + std::string(options.filename) + " on line " + std::to_string(line) +
                   ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
      return false;
    }
  }
  if (!found || spec == "utf-8") {
    if (bom)
      utf8->assign(text);
    else
      *utf8 = std::move(buf);
    return true;
  }
  if (!transcode(text, spec, utf8, error)) {
    if (options.script_file) {
      *error = SyntaxError{};
      error->msg = "encoding problem: " + spec;
    }
    return false;
  }
  return true;
}

}  // namespace pyrite::python::parse
