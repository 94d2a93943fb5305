// The Python 3.11 tokenizer (docs/frontend.md).
//
// Invariants: `pos_` is the next byte to read; `lineno_`/`line_start_`
// describe the line `pos_` is on, except at the end of input, where they
// stay on the last line (CPython reports end-of-input positions there). A
// source that does not end in a newline behaves as if it did: peek() shows a
// '\n' at index size_ (CPython appends one before tokenizing). Every scan
// works on the bytes in place and tokens are views of the source: nothing
// is allocated per token.
//
// The scanning rules, the order of checks and every error position mirror
// CPython 3.11's tokenizer, because its messages and columns are part of
// the behaviour we reproduce (an error's column is where CPython's read
// position was when it gave up, hence the `cur` arguments below).
#include "python/parse/tokenizer.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "python/parse/unicode_text.h"

namespace pyrite::python::parse {

namespace {

constexpr int kEof = -1;
constexpr int kTabSize = 8;
constexpr size_t kMaxIndent = 100;  // CPython's MAXINDENT
constexpr size_t kMaxLevel = 200;   // CPython's MAXLEVEL

enum : uint8_t { kIdStart = 1, kIdChar = 2, kDigitBit = 4, kHexBit = 8 };

constexpr auto kCharClass = [] {
  struct Table {
    uint8_t v[256] = {};
  } t;
  for (int c = 0; c < 256; c++) {
    uint8_t bits = 0;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    if (letter || c >= 0x80) bits |= kIdStart | kIdChar;
    if (digit) bits |= kIdChar | kDigitBit | kHexBit;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) bits |= kHexBit;
    t.v[c] = bits;
  }
  return t;
}();

inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_hex(int c) { return c >= 0 && (kCharClass.v[c] & kHexBit); }
inline bool is_id_start(int c) { return c >= 0 && (kCharClass.v[c] & kIdStart); }
// CPython's is_potential_identifier_char: any byte >= 0x80 qualifies.
inline bool is_id_char(int c) { return c >= 0 && (kCharClass.v[c] & kIdChar); }

struct Keyword {
  std::string_view text;
  Tok kind;
};
constexpr Keyword kKeywords[] = {
#define KEYWORD(Name, text) {text, Tok::Name},
#include "python/parse/token.def"
};

// Keywords bucketed by first letter and length: a name is compared with at
// most three candidates ("if", "in", "is").
constexpr auto kKeywordIndex = [] {
  struct Index {
    uint8_t slot[128][9][3] = {};  // 1 + position in kKeywords, or 0
  } t;
  for (size_t i = 0; i < sizeof kKeywords / sizeof kKeywords[0]; i++) {
    const Keyword& k = kKeywords[i];
    uint8_t* s = t.slot[static_cast<unsigned char>(k.text[0])][k.text.size()];
    while (*s) s++;
    *s = static_cast<uint8_t>(i + 1);
  }
  return t;
}();

Tok keyword_or_name(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return Tok::NAME;
  auto c = static_cast<unsigned char>(s[0]);
  if (c >= 128) return Tok::NAME;
  for (uint8_t i : kKeywordIndex.slot[c][s.size()])
    if (i && kKeywords[i - 1].text == s) return kKeywords[i - 1].kind;
  return Tok::NAME;
}

// Number of code points in the first `n` bytes of `line` followed by its
// newline (CPython decodes the line with its newline to count columns).
int count_chars(std::string_view line, size_t n) {
  int chars = 0;
  size_t m = n < line.size() ? n : line.size();
  for (size_t i = 0; i < m; i++)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) chars++;
  if (n > line.size()) chars += static_cast<int>(n - line.size() > 2 ? 2 : n - line.size());
  return chars;
}

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

}  // namespace

Tokenizer::Tokenizer(std::string_view utf8, const TokenizerOptions& options)
    : src_(utf8), options_(options), size_(utf8.size()) {
  limit_ = size_;
  if (options.exec_input && (size_ == 0 || (src_.back() != '\n' && src_.back() != '\r'))) limit_ = size_ + 1;
  line_starts_.push_back(0);
  indents_.push_back(0);
  alt_indents_.push_back(0);
}

void Tokenizer::consume_newline() {
  pos_ += newline_length(pos_);
  if (pos_ < limit_) {
    lineno_++;
    line_start_ = pos_;
    if (static_cast<size_t>(lineno_) > line_starts_.size()) line_starts_.push_back(pos_);
  }
}

std::string_view Tokenizer::line(int lineno) const {
  if (lineno < 1) return {};
  size_t start;
  if (static_cast<size_t>(lineno) <= line_starts_.size()) {
    start = line_starts_[lineno - 1];
  } else {
    // Beyond what the scan has reached: walk forward from the last known line.
    start = line_starts_.back();
    for (size_t n = line_starts_.size(); n < static_cast<size_t>(lineno); n++) {
      while (start < size_ && src_[start] != '\n' && src_[start] != '\r') start++;
      if (start >= size_) return {};
      start += (src_[start] == '\r' && start + 1 < size_ && src_[start + 1] == '\n') ? 2 : 1;
      if (start >= size_) return {};
    }
  }
  if (start > size_) return {};
  size_t end = start;
  while (end < size_ && src_[end] != '\n' && src_[end] != '\r') end++;
  return src_.substr(start, end - start);
}

Tokenizer::OpenBracket Tokenizer::innermost_open_bracket() const {
  return brackets_.empty() ? OpenBracket{} : brackets_.back();
}

SyntaxError Tokenizer::unclosed_bracket_error() const {
  SyntaxError e;
  if (brackets_.empty()) return e;
  const OpenBracket& b = brackets_.back();
  e.msg = format("'%c' was never closed", b.kind);
  e.lineno = e.end_lineno = b.lineno;
  e.offset = parser_col(b.lineno, b.col_offset + 1);
  e.end_offset = 0;
  e.text = std::string(line(b.lineno));
  return e;
}

// ---- tokens and errors --------------------------------------------------------

Token Tokenizer::make(Tok kind, size_t start, int start_line, size_t start_line_start) {
  Token t;
  t.kind = kind;
  t.lineno = start_line;
  t.col_offset = static_cast<int32_t>(start - start_line_start);
  t.end_lineno = lineno_;
  t.end_col_offset = static_cast<int32_t>(pos_ - line_start_);
  size_t end = pos_ < size_ ? pos_ : size_;
  if (start > end) start = end;
  t.text = src_.substr(start, end - start);
  return t;
}

// INDENT, DEDENT, ENDMARKER: no extent, the current column (see
// TokenizerOptions::script_file for the end of a script).
Token Tokenizer::at_end_token(Tok kind) {
  Token t = simple(kind, pos_);
  if (options_.script_file && pos_ >= limit_) t.col_offset = t.end_col_offset = 0;
  return t;
}

Token Tokenizer::fail(std::string msg, int offset, int end_offset, int lineno) {
  if (lineno == 0) lineno = lineno_;
  failed_ = true;
  error_raised_ = true;
  error_.type = "SyntaxError";
  error_.msg = std::move(msg);
  error_.lineno = error_.end_lineno = lineno;
  error_.offset = offset;
  error_.end_offset = end_offset;
  error_.text = std::string(line(lineno));
  error_token_ = simple(Tok::ERRORTOKEN, pos_ < size_ ? pos_ : size_);
  return error_token_;
}

// CPython's tokenizer-raised errors: the column is the number of code
// points before the read position `cur`.
Token Tokenizer::fail_at_cur(std::string msg, size_t cur) {
  int offset = count_chars(src_.substr(line_start_ < size_ ? line_start_ : size_),
                           cur - line_start_);
  return fail(std::move(msg), offset, offset);
}

// Errors CPython's parser raises on the tokenizer's behalf: their columns
// have already gone through parser_col().
Token Tokenizer::fail_from_parser(const char* type, std::string msg, int offset, int end_offset) {
  Token t = fail(std::move(msg), offset, end_offset);
  error_.type = type;
  error_raised_ = false;
  return t;
}

Token Tokenizer::fail_unclosed() {
  SyntaxError e = unclosed_bracket_error();
  fail(e.msg, e.offset, e.end_offset, e.lineno);
  error_ = std::move(e);
  error_raised_ = false;
  return error_token_;
}

int Tokenizer::parser_col(int lineno, int byte_count) const {
  if (!options_.known_encoding) return byte_count;
  return count_chars(line(lineno), static_cast<size_t>(byte_count));
}

// ---- the main loop ----------------------------------------------------------------

Token Tokenizer::next() {
  if (failed_) return error_token_;
  if (at_end_) return at_end_token(Tok::ENDMARKER);
  for (;;) {
    bool blank = false;
    if (atbol_) {
      atbol_ = false;
      // Measure the indentation twice: with tabs to multiples of 8, and
      // with tabs as one column. Lines that compare differently under the
      // two measures mix tabs and spaces ambiguously (TabError).
      // A backslash continuation inside the indentation does not split it:
      // the column of the first backslash (if not 0) is the line's
      // indentation, as in CPython 3.11.
      int col = 0, altcol = 0, cont_col = 0;
      for (;;) {
        int c = peek(pos_);
        if (c == ' ') {
          col++;
          altcol++;
        } else if (c == '\t') {
          col = (col / kTabSize + 1) * kTabSize;
          altcol++;
        } else if (c == '\f') {
          col = altcol = 0;
        } else if (c == '\\') {
          if (!cont_col) cont_col = col;
          Token err;
          if (!continue_line(&err, true)) return err;
          continue;
        } else {
          break;
        }
        pos_++;
      }
      int c = peek(pos_);
      blank = c == '#' || c == '\n' || c == '\r';
      if (cont_col) col = altcol = cont_col;
      if (!blank && brackets_.empty()) {
        if (col == indents_.back()) {
          if (altcol != alt_indents_.back()) goto tab_error;
        } else if (col > indents_.back()) {
          if (indents_.size() >= kMaxIndent) {
            pos_ = line_start_ + line(lineno_).size();
            return fail_from_parser("IndentationError", "too many levels of indentation", 1, 0);
          }
          if (altcol <= alt_indents_.back()) goto tab_error;
          pending_++;
          indents_.push_back(col);
          alt_indents_.push_back(altcol);
        } else {
          while (indents_.size() > 1 && col < indents_.back()) {
            pending_--;
            indents_.pop_back();
            alt_indents_.pop_back();
          }
          if (col != indents_.back()) {
            int n = static_cast<int>(line(lineno_).size()) + 1;
            pos_ = line_start_ + n - 1;
            return fail_from_parser("IndentationError",
                                    "unindent does not match any outer indentation level",
                                    parser_col(lineno_, n), -1);
          }
          if (altcol != alt_indents_.back()) goto tab_error;
        }
      }
    }

    if (pending_ != 0) {
      Tok kind = pending_ < 0 ? Tok::DEDENT : Tok::INDENT;
      pending_ += pending_ < 0 ? 1 : -1;
      return at_end_token(kind);
    }

    int c;
    size_t start;
    for (;;) {  // a backslash continuation comes back here
      while ((c = peek(pos_)) == ' ' || c == '\t' || c == '\f') pos_++;
      start = pos_;
      if (c == '#') {
        while ((c = peek(pos_)) != kEof && c != '\n' && c != '\r') pos_++;
        if (options_.type_comments) {
          Token t;
          if (scan_type_comment(start, &t)) return t;
        }
      }
      if (c != '\\') break;
      Token err;
      if (!continue_line(&err, false)) return err;
    }

    if (c == kEof) {
      // Inside brackets CPython's tokenizer stops with an error that its
      // parser words as "'(' was never closed".
      if (!brackets_.empty()) return fail_unclosed();
      at_end_ = true;
      return at_end_token(Tok::ENDMARKER);
    }

    if (c == '\n' || c == '\r') {
      size_t nl = pos_;
      int nl_line = lineno_;
      size_t nl_line_start = line_start_;
      consume_newline();
      atbol_ = true;
      if (blank || !brackets_.empty()) continue;  // NL: not a logical line end
      Token t;
      t.kind = Tok::NEWLINE;
      t.lineno = t.end_lineno = nl_line;
      t.col_offset = static_cast<int32_t>(start - nl_line_start);
      t.end_col_offset = static_cast<int32_t>(nl - nl_line_start);
      t.text = src_.substr(nl < size_ ? nl : size_, 0);
      return t;
    }

    if (is_id_start(c)) return scan_name(start);
    if (is_digit(c) || (c == '.' && is_digit(peek(start + 1)))) return scan_number(start);
    if (c == '"' || c == '\'') return scan_string(start, start);
    return scan_operator(start);
  }

tab_error:
  pos_ = line_start_ + line(lineno_).size();
  return fail_from_parser("TabError", "inconsistent use of tabs and spaces in indentation", 1, 0);
}

// A backslash at pos_: it must end the line, and more input must follow.
// `in_indent`: met while measuring indentation, outside any token (where
// CPython's file tokenizer has emptied its line buffer at the end of input).
bool Tokenizer::continue_line(Token* error, bool in_indent) {
  size_t after = pos_ + 1;
  if (!at_newline(after)) {
    pos_ = after + 1;
    *error = fail_from_parser("SyntaxError",
                              "unexpected character after line continuation character",
                              parser_col(lineno_, static_cast<int>(after - line_start_) + 1), 0);
    return false;
  }
  pos_ = after;
  consume_newline();
  if (peek(pos_) == kEof) {
    *error = !brackets_.empty() ? fail_unclosed()
                                : fail_from_parser("SyntaxError", "unexpected EOF while parsing",
                                                   options_.script_file && in_indent
                                                       ? 0
                                                       : parser_col(lineno_, col()),
                                                   -1);
    return false;
  }
  return true;
}

// `# type: ...` comments. CPython matches the prefix loosely: each space in
// "# type: " stands for any run of spaces and tabs, possibly empty.
bool Tokenizer::scan_type_comment(size_t start, Token* out) {
  static constexpr std::string_view kPrefix = "# type: ";
  size_t p = start;
  for (char want : kPrefix) {
    if (want == ' ') {
      while (p < pos_ && (src_[p] == ' ' || src_[p] == '\t')) p++;
    } else if (p < pos_ && src_[p] == want) {
      p++;
    } else {
      return false;
    }
  }
  // "type: ignore" followed by the end or by anything ASCII and not
  // alphanumeric is an ignore; the rest of the comment is its tag.
  size_t ignore_end = p + 6;
  if (ignore_end <= pos_ && src_.compare(p, 6, "ignore") == 0) {
    bool ok = true;
    if (ignore_end < pos_) {
      unsigned char n = static_cast<unsigned char>(src_[ignore_end]);
      ok = !(n >= 0x80 || (is_id_char(n) && n != '_'));
    }
    if (ok) {
      type_ignores_.push_back({lineno_, src_.substr(ignore_end, pos_ - ignore_end)});
      return false;  // otherwise an ordinary comment
    }
  }
  *out = simple(Tok::TYPE_COMMENT, p);
  return true;
}

// ---- names --------------------------------------------------------------------------

Token Tokenizer::scan_name(size_t start) {
  // A string prefix is a name glued to a quote: b, r, u, f and the pairs
  // CPython accepts (br, rb, fr, rf in any case; never ur or bf).
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  size_t p = start;
  for (;;) {
    int c = peek(p);
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
      saw_b = true;
    else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
      saw_u = true;
    else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
      saw_r = true;
    else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
      saw_f = true;
    else
      break;
    p++;
    int q = peek(p);
    if (q == '"' || q == '\'') return scan_string(start, p);
  }

  bool nonascii = false;
  p = start;
  while (p < size_) {
    unsigned char c = static_cast<unsigned char>(src_[p]);
    if (!(kCharClass.v[c] & kIdChar)) break;
    if (c >= 0x80) nonascii = true;
    p++;
  }
  pos_ = p;
  std::string_view text = src_.substr(start, p - start);
  if (!nonascii) return simple(keyword_or_name(text), start);

  unicode::DecodeError de;
  if (!unicode::check_utf8(text, &de)) {
    return fail_from_parser("SyntaxError",
                            "(unicode error) " + unicode::decode_error_message("utf-8", text, de),
                            parser_col(lineno_, col()), -1);
  }
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const auto* e = b + text.size();
  for (const unsigned char* q = b; q < e;) {
    uint32_t cp;
    int n = unicode::decode_one(q, e, &cp);
    bool ok = q == b ? (unicode::is_xid_start(cp) || cp == '_') : unicode::is_xid_continue(cp);
    if (!ok) {
      size_t cur = start + static_cast<size_t>(q - b) + n;
      std::string msg;
      if (unicode::is_printable(cp)) {
        msg = "invalid character '";
        unicode::append_utf8(&msg, cp);
        msg += format("' (U+%04X)", cp);
      } else {
        msg = format("invalid non-printable character U+%04X", cp);
      }
      return fail_at_cur(std::move(msg), cur);
    }
    q += n;
  }
  // The text stays as written: CPython matches keywords and soft keywords
  // on it, and the parser NFKC-normalizes identifiers.
  return simple(Tok::NAME, start);
}

// ---- numbers ------------------------------------------------------------------------
//
// Written as CPython's reader: nextc() reads a character and moves past it,
// backup() steps back over one; an error's column is the read position.

int Tokenizer::nextc() {
  int c = peek(pos_);
  if (c != kEof) pos_++;
  return c;
}

void Tokenizer::backup(int c) {
  if (c != kEof) pos_--;
}

// After a number: a letter or digit glued to it is an error ("1abc"),
// except the keywords that may follow a number in valid code ("1if x
// else y"), which CPython only warns about.
bool Tokenizer::verify_end_of_number(int c, const char* kind, Token* error) {
  auto followed_by = [&](const char* rest) {
    size_t p = pos_;
    for (; *rest; rest++, p++)
      if (peek(p) != *rest) return false;
    return !is_id_char(peek(p));
  };
  bool keyword = false;
  switch (c) {
    case 'a': keyword = followed_by("nd"); break;
    case 'e': keyword = followed_by("lse"); break;
    case 'f': keyword = followed_by("or"); break;
    case 'i': {
      int c2 = peek(pos_);
      keyword = c2 == 'f' || c2 == 'n' || c2 == 's';
      break;
    }
    case 'o': keyword = followed_by("r"); break;
    case 'n': keyword = followed_by("ot"); break;
    default: break;
  }
  if (keyword) return true;
  if (is_id_char(c)) {
    backup(c);
    *error = fail_at_cur(format("invalid %s literal", kind), pos_);
    return false;
  }
  return true;
}

// Digits with single underscores between them; returns the character after
// them, or -2 after an error.
int Tokenizer::decimal_tail(Token* error) {
  int c;
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      *error = fail_at_cur("invalid decimal literal", pos_);
      return -2;
    }
  }
  return c;
}

Token Tokenizer::scan_number(size_t start) {
  Token err;
  pos_ = start;
  int c = nextc();
  int e;
  if (c == '.') {
    c = nextc();
    goto fraction;
  }
  if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!is_hex(c)) {
          backup(c);
          return fail_at_cur("invalid hexadecimal literal", pos_);
        }
        do {
          c = nextc();
        } while (is_hex(c));
      } while (c == '_');
      if (!verify_end_of_number(c, "hexadecimal", &err)) return err;
    } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      bool octal = c == 'o' || c == 'O';
      int top = octal ? '8' : '2';
      const char* kind = octal ? "octal" : "binary";
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c < '0' || c >= top) {
          if (is_digit(c)) return fail_at_cur(format("invalid digit '%c' in %s literal", c, kind), pos_);
          backup(c);
          return fail_at_cur(format("invalid %s literal", kind), pos_);
        }
        do {
          c = nextc();
        } while (c >= '0' && c < top);
      } while (c == '_');
      if (is_digit(c)) return fail_at_cur(format("invalid digit '%c' in %s literal", c, kind), pos_);
      if (!verify_end_of_number(c, kind, &err)) return err;
    } else {
      // "0", "00", "0_0" are fine; "07" is an old-style octal, now an
      // error unless it turns out to be a float or imaginary ("07.5", "07j").
      bool nonzero = false;
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            return fail_at_cur("invalid decimal literal", pos_);
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      size_t zeros_end = pos_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail(&err);
        if (c == -2) return err;
      }
      if (c == '.') {
        c = nextc();
        goto fraction;
      }
      if (c == 'e' || c == 'E') goto exponent;
      if (c == 'j' || c == 'J') goto imaginary;
      if (nonzero) {
        backup(c);
        // CPython gives this one raw byte columns.
        return fail(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            "octal integers",
            static_cast<int>(start + 1 - line_start_), static_cast<int>(zeros_end - line_start_));
      }
      if (!verify_end_of_number(c, "decimal", &err)) return err;
    }
  } else {
    c = decimal_tail(&err);
    if (c == -2) return err;
    if (c == '.') {
      c = nextc();
    fraction:
      if (is_digit(c)) {
        c = decimal_tail(&err);
        if (c == -2) return err;
      }
    }
    if (c == 'e' || c == 'E') {
    exponent:
      e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!is_digit(c)) {
          backup(c);
          return fail_at_cur("invalid decimal literal", pos_);
        }
      } else if (!is_digit(c)) {
        // "1else": the 'e' starts a keyword, not an exponent.
        backup(c);
        if (!verify_end_of_number(e, "decimal", &err)) return err;
        backup(e);
        return simple(Tok::NUMBER, start);
      }
      c = decimal_tail(&err);
      if (c == -2) return err;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = nextc();
      if (!verify_end_of_number(c, "imaginary", &err)) return err;
    } else if (!verify_end_of_number(c, "decimal", &err)) {
      return err;
    }
  }
  backup(c);
  return simple(Tok::NUMBER, start);
}

// ---- strings ------------------------------------------------------------------------

// One STRING token, prefix included; f-strings too (Python 3.11 splits them
// in the parser). `quote_pos` is the opening quote.
Token Tokenizer::scan_string(size_t start, size_t quote_pos) {
  int quote = peek(quote_pos);
  int first_line = lineno_;
  size_t first_line_start = line_start_;
  pos_ = quote_pos + 1;
  int quote_size = 1, end_quotes = 0;
  if (peek(pos_) == quote) {
    if (peek(pos_ + 1) == quote) {
      quote_size = 3;
      pos_ += 2;
    } else {
      pos_ += 1;
      end_quotes = 1;  // the empty string
    }
  }
  const unsigned char* s = reinterpret_cast<const unsigned char*>(src_.data());
  while (end_quotes != quote_size) {
    // Fast path: ordinary characters. Any of them breaks a run of quotes.
    size_t run_start = pos_;
    while (pos_ < size_) {
      unsigned char b = s[pos_];
      if (b == quote || b == '\\' || b == '\n' || b == '\r') break;
      pos_++;
    }
    if (pos_ != run_start) end_quotes = 0;
    int c = peek(pos_);
    if (c == kEof || (quote_size == 1 && (c == '\n' || c == '\r'))) {
      int detected = lineno_;
      std::string_view first = line(first_line);
      int offset = count_chars(first, start - first_line_start + 1);
      Token t = fail(format(quote_size == 3 ? "unterminated triple-quoted string literal "
                                              "(detected at line %d)"
                                            : "unterminated string literal (detected at line %d)",
                            detected),
                     offset, offset, first_line);
      return t;
    }
    if (c == quote) {
      end_quotes++;
      pos_++;
      continue;
    }
    end_quotes = 0;
    if (c == '\\') {
      pos_++;
      c = peek(pos_);
      if (c == '\n' || c == '\r')
        consume_newline();
      else if (c != kEof)
        pos_++;
    } else {
      consume_newline();
    }
  }
  return make(Tok::STRING, start, first_line, first_line_start);
}

// ---- operators ----------------------------------------------------------------------

Token Tokenizer::scan_operator(size_t start) {
  int c = peek(start);
  int c2 = peek(start + 1);
  int c3 = peek(start + 2);
  Tok kind = Tok::OP;
  size_t len = 1;
  auto pick = [&](Tok one, int second, Tok two) {
    if (c2 == second) {
      kind = two;
      len = 2;
    } else {
      kind = one;
    }
  };
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (brackets_.size() >= kMaxLevel) return fail_at_cur("too many nested parentheses", start + 1);
      brackets_.push_back({static_cast<char>(c), lineno_, static_cast<int>(start - line_start_)});
      kind = c == '(' ? Tok::LPAR : c == '[' ? Tok::LSQB : Tok::LBRACE;
      break;
    case ')':
    case ']':
    case '}': {
      if (brackets_.empty()) return fail_at_cur(format("unmatched '%c'", c), start + 1);
      OpenBracket open = brackets_.back();
      brackets_.pop_back();
      int want = open.kind == '(' ? ')' : open.kind == '[' ? ']' : '}';
      if (c != want) {
        if (open.lineno != lineno_)
          return fail_at_cur(format("closing parenthesis '%c' does not match opening "
                                    "parenthesis '%c' on line %d",
                                    c, open.kind, open.lineno),
                             start + 1);
        return fail_at_cur(format("closing parenthesis '%c' does not match opening "
                                  "parenthesis '%c'",
                                  c, open.kind),
                           start + 1);
      }
      kind = c == ')' ? Tok::RPAR : c == ']' ? Tok::RSQB : Tok::RBRACE;
      break;
    }
    case ':': pick(Tok::COLON, '=', Tok::COLONEQUAL); break;
    case ',': kind = Tok::COMMA; break;
    case ';': kind = Tok::SEMI; break;
    case '+': pick(Tok::PLUS, '=', Tok::PLUSEQUAL); break;
    case '-':
      if (c2 == '>') {
        kind = Tok::RARROW;
        len = 2;
      } else {
        pick(Tok::MINUS, '=', Tok::MINEQUAL);
      }
      break;
    case '*':
      if (c2 == '*') {
        kind = c3 == '=' ? Tok::DOUBLESTAREQUAL : Tok::DOUBLESTAR;
        len = c3 == '=' ? 3 : 2;
      } else {
        pick(Tok::STAR, '=', Tok::STAREQUAL);
      }
      break;
    case '/':
      if (c2 == '/') {
        kind = c3 == '=' ? Tok::DOUBLESLASHEQUAL : Tok::DOUBLESLASH;
        len = c3 == '=' ? 3 : 2;
      } else {
        pick(Tok::SLASH, '=', Tok::SLASHEQUAL);
      }
      break;
    case '|': pick(Tok::VBAR, '=', Tok::VBAREQUAL); break;
    case '&': pick(Tok::AMPER, '=', Tok::AMPEREQUAL); break;
    case '<':
      if (c2 == '<') {
        kind = c3 == '=' ? Tok::LEFTSHIFTEQUAL : Tok::LEFTSHIFT;
        len = c3 == '=' ? 3 : 2;
      } else if (c2 == '>') {
        kind = Tok::OP;  // Python 2's <>, only valid under barry_as_FLUFL
        len = 2;
      } else {
        pick(Tok::LESS, '=', Tok::LESSEQUAL);
      }
      break;
    case '>':
      if (c2 == '>') {
        kind = c3 == '=' ? Tok::RIGHTSHIFTEQUAL : Tok::RIGHTSHIFT;
        len = c3 == '=' ? 3 : 2;
      } else {
        pick(Tok::GREATER, '=', Tok::GREATEREQUAL);
      }
      break;
    case '=': pick(Tok::EQUAL, '=', Tok::EQEQUAL); break;
    case '.':
      if (c2 == '.' && c3 == '.') {
        kind = Tok::ELLIPSIS;
        len = 3;
      } else {
        kind = Tok::DOT;
      }
      break;
    case '%': pick(Tok::PERCENT, '=', Tok::PERCENTEQUAL); break;
    case '~': kind = Tok::TILDE; break;
    case '^': pick(Tok::CIRCUMFLEX, '=', Tok::CIRCUMFLEXEQUAL); break;
    case '@': pick(Tok::AT, '=', Tok::ATEQUAL); break;
    case '!': pick(Tok::OP, '=', Tok::NOTEQUAL); break;
    default:
      if (c < 0x20 || c == 0x7F)
        return fail_at_cur(format("invalid non-printable character U+%04X", c), start + 1);
      kind = Tok::OP;  // $ ? `
      break;
  }
  pos_ = start + len;
  return simple(kind, start);
}

}  // namespace pyrite::python::parse
