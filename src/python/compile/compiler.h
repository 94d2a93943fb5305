// The bytecode compiler: AST -> CodeUnit tree (docs/compiler.md).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "python/compile/code_unit.h"
#include "python/parse/ast.h"
#include "python/parse/syntax_error.h"

namespace pyrite::python::compile {

struct CompileOptions {
  // -O: `assert` statements vanish and __debug__ is False; 2 (-OO) also
  // drops docstrings.
  int optimize = 0;
  // interactive mode ('single'): expression statements print their value.
  bool interactive = false;
  // Future features inherited from the code calling compile()/exec()
  // (CodeUnit::flags of the caller): kFutureAnnotations.
  uint32_t inherited_flags = 0;
  // The source text, used only to put the offending line and a
  // code-point column into SyntaxErrors. May be empty.
  std::string_view source;
  // Where SyntaxWarnings go ("is" with a literal, ...); null: not collected.
  std::vector<parse::CompileWarning>* warnings = nullptr;
};

// Compiles a parsed module (Module, Interactive or Expression). Returns the
// module's code unit, whose constants hold the nested ones; on a compile
// error returns nullptr and fills `*error` (CPython's message, location and
// line text). Constants' string views point into `arena`, which must be the
// AST's arena or outlive it; folded constants are allocated there too.
std::unique_ptr<CodeUnit> compile_module(ast::ModNode* mod, std::string_view filename, base::Arena& arena,
                                         parse::SyntaxError* error, const CompileOptions& options = {});

}  // namespace pyrite::python::compile
