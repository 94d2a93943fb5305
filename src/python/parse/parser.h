// Python 3.11 parser: source bytes -> AST (docs/frontend.md).
//
// The parser follows the PEG grammar of the language reference: ordered
// choice, backtracking over a token buffer, memoized left-recursive rules.
// A failed parse is parsed a second time with the error-reporting
// alternatives enabled, so the common mistakes get CPython's messages.
#pragma once

#include <string_view>

#include "base/arena.h"
#include "python/parse/ast.h"
#include "python/parse/syntax_error.h"

namespace pyrite::python::parse {

enum class Mode : uint8_t {
  kFile,      // a module: ast.Module   (compile(..., 'exec'))
  kEval,      // one expression: ast.Expression   ('eval')
  kSingle,    // one interactive statement: ast.Interactive   ('single')
  kFuncType,  // a function type comment: ast.FunctionType   ('func_type')
};

struct ParseOptions {
  Mode mode = Mode::kFile;
  // Source given as bytes: honour the BOM and the coding declaration. Source
  // given as str (compile() of a str) is already UTF-8.
  bool source_is_bytes = true;
  // Keep `# type:` comments (ast.parse(type_comments=True)).
  bool type_comments = false;
  // Accept features of older minor versions (ast.parse(feature_version=)).
  int feature_version = 11;
  // A decimal int literal of more digits is a SyntaxError, as CPython's
  // int conversion limit makes it (sys.set_int_max_str_digits; 0: none).
  size_t int_max_str_digits = 0;
  // A script run by name (`pyrite file.py`): CPython reads it with its file
  // tokenizer, which decodes and places end-of-input tokens differently
  // (see DecodeOptions and TokenizerOptions::script_file). compile() of
  // bytes, imports and --dump-ast leave it false.
  bool script_file = false;
  // Where warnings go (null: not collected).
  std::vector<CompileWarning>* warnings = nullptr;
};

// Parses `source`. On success returns the module node, allocated in `arena`;
// on failure returns nullptr and fills `*error`.
ast::ModNode* parse(std::string_view source, std::string_view filename, const ParseOptions& options,
                    base::Arena& arena, SyntaxError* error);

}  // namespace pyrite::python::parse
