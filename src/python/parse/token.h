// Tokens of Python 3.11 source (docs/frontend.md). Kinds come from token.def.
#pragma once

#include <cstdint>
#include <string_view>

namespace pyrite::python::parse {

enum class Tok : uint8_t {
#define TOKEN(Name, text) Name,
#define KEYWORD(Name, text) Name,
#include "python/parse/token.def"
  kCount
};

// "NAME", "LPAR", "KW_IF", ... for debugging output.
const char* token_name(Tok kind);
// The fixed spelling of an operator or keyword ("(", "if"), or "" if none.
const char* token_text(Tok kind);

inline bool is_keyword(Tok kind) { return kind >= Tok::KW_FALSE && kind < Tok::kCount; }

// One token. Positions follow CPython's AST conventions: lines are 1-based,
// columns are 0-based UTF-8 byte offsets within the line. `text` points into
// the tokenizer's UTF-8 buffer, which outlives every token.
struct Token {
  Tok kind = Tok::ENDMARKER;
  int32_t lineno = 0;
  int32_t col_offset = 0;
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
  std::string_view text;
};

}  // namespace pyrite::python::parse
