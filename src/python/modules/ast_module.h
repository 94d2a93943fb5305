// The _ast module's entry points for builtins.compile (docs/modules.md,
// "_ast"): parsing to Python node objects (PyCF_ONLY_AST) and compiling a
// tree of them.
#pragma once

#include <string_view>

#include "python/objects/object.h"
#include "python/parse/ast.h"

namespace pyrite::python {

// CPython's compile() flag bits the ast module exports.
inline constexpr int kPyCFOnlyAst = 0x400;
inline constexpr int kPyCFTypeComments = 0x1000;
inline constexpr int kPyCFAllowTopLevelAwait = 0x2000;

// isinstance(v, _ast.AST); false (no error) before _ast was ever imported,
// since no node can exist then. -1 with an error from __instancecheck__.
int is_ast_object(Value v);

// compile(source, filename, mode, flags | PyCF_ONLY_AST): the tree as
// Python objects (ast.Module, ...). `source_is_str` as compile() got it;
// feature_version is the minor version, or -1 for the current one.
Value parse_to_ast_object(std::string_view source, bool source_is_str, std::string_view filename,
                          std::string_view mode, int flags, int feature_version);

// compile(tree, filename, mode, flags, optimize) of an AST object: checks
// the tree's root against the mode, converts it to the C++ AST with
// CPython's type errors, validates it (CPython's messages) and compiles it.
Value compile_ast_object(Value tree, std::string_view filename, std::string_view mode, int optimize);

// The Python object tree for a parsed C++ tree; null + error.
Value ast_to_object(const ast::Node* node);
// The C++ tree for a Python object tree of `mode` ("exec", "eval",
// "single", "func_type"), allocated in `arena`; null + error. Not validated.
ast::ModNode* ast_from_object(Value tree, std::string_view mode, base::Arena& arena);
// The class tables ast_module.cpp makes from parse/ast.def, for the
// conversion back. `category` numbers the AST_SUM lines of ast.def (mod,
// stmt, expr, ...); `e` the operator enums (expr_context, boolop,
// operator, unaryop, cmpop).
bool ast_has_attributes(ast::Kind k);  // positions in _attributes
Type* ast_node_class(ast::Kind k);
int ast_category_of(ast::Kind k);
const char* ast_category_name(int category);
const char* ast_node_name(ast::Kind k);
Type* ast_enum_class(int e, int value);
int ast_enum_size(int e);
const char* ast_enum_name(int e);

// CPython's validation of a tree built from Python objects (ValueError /
// TypeError with its messages). false + error.
bool validate_ast(const ast::ModNode* mod);

}  // namespace pyrite::python
