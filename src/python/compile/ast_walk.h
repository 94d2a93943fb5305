// Generic traversal of AST children, generated from ast.def
// (docs/compiler.md). Passes handle the nodes they care about and use this
// for the rest, so a new field in ast.def cannot be silently skipped.
#pragma once

#include "python/parse/ast.h"

namespace pyrite::python::compile {

// Calls f(child) for every non-null child node of `n`, in field order.
template <class F>
void for_each_child(ast::Node* n, F&& f) {
  switch (n->kind) {
#define AST_NODE(Base, Cpp, pyname)            \
  case ast::Kind::Cpp: {                       \
    [[maybe_unused]] auto* x = static_cast<ast::Cpp*>(n);
#define AST_END(Base, Cpp) \
  break;                   \
  }
#define AST_CHILD(Type, name) f(static_cast<ast::Node*>(x->name));
#define AST_OPT(Type, name) \
  if (x->name) f(static_cast<ast::Node*>(x->name));
#define AST_LIST(Type, name) \
  for (auto* c : x->name)    \
    if (c) f(static_cast<ast::Node*>(c));
#include "python/parse/ast.def"
    default:
      break;
  }
}

}  // namespace pyrite::python::compile
