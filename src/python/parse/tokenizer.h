// The Python 3.11 tokenizer (docs/frontend.md): UTF-8 source -> tokens,
// pulled one at a time by the parser.
//
// It synthesizes NEWLINE, INDENT and DEDENT as CPython's tokenizer does and
// drops comments and non-logical newlines (NL). Keywords come out as their
// KW_* kind; soft keywords (match, case, _) stay NAME. A lexical error yields
// ERRORTOKEN once and error() holds CPython's message and location.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "python/parse/syntax_error.h"
#include "python/parse/token.h"

namespace pyrite::python::parse {

struct TokenizerOptions {
  bool type_comments = false;  // emit TYPE_COMMENT tokens for `# type: ...`
  // CPython converts the byte columns of the errors its parser raises for
  // the tokenizer (unexpected EOF, bad dedent, bad line continuation, bad
  // UTF-8 in a name, never-closed brackets) into code points only when it
  // knows the source encoding: str input, a UTF-8 BOM or a coding
  // declaration. Plain bytes keep byte columns. decode_source says which.
  bool known_encoding = true;
  // CPython assumes a final newline only for 'exec' input; 'eval',
  // 'single' and 'func_type' input ends at its last character.
  bool exec_input = true;
  // A script run by name: CPython's file tokenizer has emptied its line
  // buffer when it meets the end of input, so the DEDENT and ENDMARKER
  // tokens there sit at column 0 (errors at them, like "expected an
  // indented block", report offset 0).
  bool script_file = false;
};

class Tokenizer {
 public:
  // `utf8` is decoded source (see decode_source) and must outlive the
  // tokenizer and every token it returns. Like CPython, the tokenizer does
  // not insist on valid UTF-8: bad bytes in a name are an error, in a
  // comment they are ignored, in a string literal decode_string_body
  // reports them. Newlines may be \n, \r\n or \r.
  explicit Tokenizer(std::string_view utf8, const TokenizerOptions& options = {});

  // Token stream notes for the parser:
  // - NAME text is the source text; non-ASCII names still need NFKC
  //   normalization (CPython's parser does it, and matches keywords and soft
  //   keywords on the text as written).
  // - NEWLINE: [col of the newline, or of a comment before it] .. col of the
  //   newline. INDENT, DEDENT and ENDMARKER have no extent in CPython (col
  //   -1); here both columns hold the tokenizer's current column, which is
  //   the column CPython reports errors at when such a token is the last one
  //   read (e.g. "unexpected indent").
  // - The end of input inside brackets is an ERRORTOKEN whose error is
  //   "'(' was never closed" (also available as unclosed_bracket_error()).
  // - OP marks `$ ? ! \`` and `<>`: no grammar rule accepts it.
  // - After an error, next() keeps returning ERRORTOKEN.
  Token next();

  bool failed() const { return failed_; }
  const SyntaxError& error() const { return error_; }
  // Whether CPython's tokenizer raises error() itself (true) or only flags
  // it for its parser to raise on reading the token (false: unexpected EOF,
  // bad dedent, inconsistent tabs, too deep, bad continuation character,
  // bracket never closed, undecodable name). After a parser error CPython
  // tokenizes the rest of the file, and only raised errors (and a bracket
  // opened before the error's line) replace the parser's.
  bool error_raised() const { return error_raised_; }

  // Line `lineno` (1-based) of the source without its line ending; "" when
  // out of range. Used for error messages.
  std::string_view line(int lineno) const;

  // The innermost bracket still open at the current position, for
  // "'(' was never closed"; kind is 0 when none is open.
  struct OpenBracket {
    char kind = 0;
    int lineno = 0;
    int col_offset = 0;
  };
  OpenBracket innermost_open_bracket() const;
  // CPython's "'(' was never closed" error for innermost_open_bracket().
  SyntaxError unclosed_bracket_error() const;

  // `# type: ignore[tag]` comments seen so far (only with type_comments),
  // for ast.Module.type_ignores; CPython keeps them out of the token stream.
  struct TypeIgnore {
    int lineno = 0;
    std::string_view tag;
  };
  const std::vector<TypeIgnore>& type_ignores() const { return type_ignores_; }

 private:
  int peek(size_t i) const {
    if (i < size_) return static_cast<unsigned char>(src_[i]);
    return i < limit_ ? '\n' : -1;
  }
  bool at_newline(size_t i) const {
    int c = peek(i);
    return c == '\n' || c == '\r';
  }
  size_t newline_length(size_t i) const { return peek(i) == '\r' && peek(i + 1) == '\n' ? 2 : 1; }
  void consume_newline();
  int col() const { return static_cast<int>(pos_ - line_start_); }

  Token make(Tok kind, size_t start, int start_line, size_t start_line_start);
  Token simple(Tok kind, size_t start) { return make(kind, start, lineno_, line_start_); }
  Token at_end_token(Tok kind);
  Token fail(std::string msg, int offset, int end_offset, int lineno = 0);
  Token fail_at_cur(std::string msg, size_t cur);
  Token fail_from_parser(const char* type, std::string msg, int offset, int end_offset);
  Token fail_unclosed();
  int parser_col(int lineno, int byte_count) const;

  bool continue_line(Token* error, bool in_indent);
  bool scan_type_comment(size_t start, Token* out);
  Token scan_name(size_t start);
  Token scan_number(size_t start);
  Token scan_string(size_t start, size_t quote_pos);
  Token scan_operator(size_t start);
  int nextc();
  void backup(int c);
  bool verify_end_of_number(int c, const char* kind, Token* error);
  int decimal_tail(Token* error);

  std::string_view src_;
  TokenizerOptions options_;
  size_t size_ = 0;
  size_t limit_ = 0;  // size_, plus 1 when a final newline must be assumed
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int lineno_ = 1;
  bool failed_ = false;
  bool error_raised_ = false;
  bool atbol_ = true;
  bool at_end_ = false;
  int pending_ = 0;  // > 0: INDENTs to emit, < 0: DEDENTs
  SyntaxError error_;
  Token error_token_;
  std::vector<size_t> line_starts_;
  std::vector<int> indents_;
  std::vector<int> alt_indents_;
  std::vector<OpenBracket> brackets_;
  std::vector<TypeIgnore> type_ignores_;
};

// PEP 263 / PEP 3120: turns the bytes of a source file into UTF-8. Strips a
// UTF-8 BOM, honours a coding declaration on line 1 or 2 and transcodes
// to UTF-8. Errors as CPython 3.11's compile() of bytes reports them.
// Without a BOM or a declaration the bytes pass through unchecked, as in
// CPython (see Tokenizer). Newlines are translated to \n. `*known_encoding`
// (if given) tells whether a BOM or declaration was present: see
// TokenizerOptions::known_encoding.
bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error);
bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error,
                   bool* known_encoding);

// A script run by name (`pyrite file.py`) goes through CPython's file
// tokenizer instead, which decodes differently: without a BOM or a
// declaration every byte must be UTF-8 ("Non-UTF-8 code starting with
// '\xe9' in file F on line N, ..."), and a declared encoding that fails is
// "encoding problem: NAME". Modules imported by path are compile()d from
// bytes: they use the default. (Tokenize such a script with
// TokenizerOptions::script_file.)
struct DecodeOptions {
  bool script_file = false;
  std::string_view filename;  // for the Non-UTF-8 message
};
bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error,
                   bool* known_encoding, const DecodeOptions& options);

}  // namespace pyrite::python::parse
