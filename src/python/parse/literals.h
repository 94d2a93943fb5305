// Decoding of number and string literal tokens into AST constants
// (docs/frontend.md).
#pragma once

#include <string>
#include <string_view>

#include "base/arena.h"
#include "python/parse/ast.h"

namespace pyrite::python::parse {

// The prefix of a STRING token (any case, any order CPython accepts).
struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  bool unicode = false;  // u"..." (ast.Constant.kind == 'u')
  int length = 0;        // characters before the opening quote
  int quote_length = 0;  // 1 or 3
};
StringPrefix string_prefix(std::string_view token_text);

// NUMBER token text -> Int, BigInt, Float or Complex. The tokenizer has
// already checked the syntax, so this cannot fail.
ast::ConstValue parse_number(std::string_view text, base::Arena& arena);

// Decodes the body of a string literal (the text between the quotes) into
// a Str (UTF-8, lone surrogates as 3-byte sequences) or Bytes constant.
// On failure returns false and sets `*error` to CPython's message, e.g.
// "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:
// truncated \xXX escape" or "bytes can only contain ASCII literal characters".
// `warning`, when given, gets the DeprecationWarning message of the first
// invalid escape ("invalid escape sequence '\\d'", "invalid octal escape
// sequence '\\777'"), or stays empty.
bool decode_string_body(std::string_view body, bool raw, bool bytes, base::Arena& arena,
                        std::string_view* out, std::string* error, std::string* warning = nullptr);

}  // namespace pyrite::python::parse
