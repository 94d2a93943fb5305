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
};

class Tokenizer {
 public:
  // `utf8` is decoded source (see decode_source) and must outlive the
  // tokenizer and every token it returns.
  explicit Tokenizer(std::string_view utf8, const TokenizerOptions& options = {});

  Token next();

  bool failed() const { return failed_; }
  const SyntaxError& error() const { return error_; }

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

 private:
  // Implementation state lives in tokenizer.cpp's helpers; kept here so
  // the tokenizer can be a value type without heap allocation per token.
  std::string_view src_;
  TokenizerOptions options_;
  size_t pos_ = 0;
  bool failed_ = false;
  SyntaxError error_;
  std::vector<size_t> line_starts_;
  std::vector<int> indents_;
  std::vector<int> alt_indents_;
  std::vector<OpenBracket> brackets_;
  int pending_dedents_ = 0;
  bool at_line_start_ = true;
  bool done_ = false;
  int lineno_ = 1;
  size_t line_start_ = 0;
  Tok last_kind_ = Tok::NEWLINE;
};

// PEP 263 / PEP 3120: turns the bytes of a source file into UTF-8. Strips a
// UTF-8 BOM, honours a coding declaration on line 1 or 2, and checks that
// the result is valid UTF-8. Errors as CPython reports them.
bool decode_source(std::string_view bytes, std::string* utf8, SyntaxError* error);

}  // namespace pyrite::python::parse
