// Splitting an f-string body into literal parts and replacement fields,
// each field's expression parsed by a sub-parser (docs/frontend.md).
// Internal to the parser; parse_fstring.cpp implements it.
#pragma once

#include <string>
#include <string_view>

#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

// Accumulates the parts of one string concatenation (or of one nested
// format spec) the way CPython 3.11 does: adjacent literal text merges,
// empty literals vanish, and any f-string makes the result a JoinedStr.
class FStringBuilder {
 public:
  FStringBuilder(Parser* p, const Token& first, const Token& last) : p_(p), first_(first), last_(last) {}

  void append_literal(std::string_view s) {
    if (s.empty()) return;
    last_str_.append(s);
    has_str_ = true;
  }
  // Parses the f-string body [s, end) of token `t`; at recurse_lvl > 0 it is
  // a format spec and stops at its closing '}'.
  void concat_fstring(const char*& s, const char* end, bool raw, int recurse_lvl, const Token& t);
  ast::ExprNode* finish(const Token& first, const Token& last);

 private:
  // Returns 1 when a doubled brace ended the literal (scan on), else 0.
  int find_literal(const char*& s, const char* end, bool raw, int recurse_lvl, const Token& t);
  // Parses one replacement field starting at '{'; returns the FormattedValue.
  ast::ExprNode* find_expr(const char*& s, const char* end, bool raw, int recurse_lvl, const Token& t);
  ast::ExprNode* compile_expr(const char* expr_start, const char* expr_end, const Token& t);
  ast::ExprNode* make_str(const Token& first, const Token& last);
  void flush_str();

  Parser* p_;
  const Token& first_;
  const Token& last_;
  std::string last_str_;
  bool has_str_ = false;
  bool fmode_ = false;
  SmallVec<ast::ExprNode*> exprs_;
};

}  // namespace pyrite::python::parse
