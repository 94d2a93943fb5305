// Symbol tables: which scope each name of each block lives in
// (docs/compiler.md, "Scopes").
//
// Two passes, as in CPython: the first walks the AST and records, per block,
// what each name is used for (bound, used, declared global/nonlocal, a
// parameter); the second resolves every name to local, cell, free or
// global, top-down with the sets of names bound by enclosing functions.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/parse/ast.h"
#include "python/parse/syntax_error.h"

namespace pyrite::python::compile {

// What the first pass saw a name do in one block.
namespace SymFlag {
inline constexpr uint32_t kGlobal = 1 << 0;      // `global x`
inline constexpr uint32_t kLocal = 1 << 1;       // assigned, deleted, imported, def/class name
inline constexpr uint32_t kParam = 1 << 2;
inline constexpr uint32_t kNonlocal = 1 << 3;    // `nonlocal x`
inline constexpr uint32_t kUse = 1 << 4;         // read
inline constexpr uint32_t kFreeClass = 1 << 5;   // free in a method, bound in this class
inline constexpr uint32_t kImport = 1 << 6;
inline constexpr uint32_t kAnnot = 1 << 7;       // annotated (x: int)
inline constexpr uint32_t kCompIter = 1 << 8;    // a comprehension's iteration target
inline constexpr uint32_t kStored = 1 << 9;      // bound by something other than a bare `x: T`
inline constexpr uint32_t kBound = kLocal | kParam | kImport;
}  // namespace SymFlag

// Where a name lives, after the second pass.
enum class NameScope : uint8_t {
  kUnknown,
  kLocal,           // a fast slot in functions; the namespace mapping in modules and classes
  kGlobalExplicit,  // declared `global`
  kGlobalImplicit,  // not bound in any enclosing function: globals, then builtins
  kFree,            // bound in an enclosing function: a cell reached through the closure
  kCell,            // local, and used by a nested function: a cell
};

enum class BlockKind : uint8_t { kModule, kClass, kFunction };

struct Symbol {
  std::string_view name;
  uint32_t flags = 0;
  NameScope scope = NameScope::kUnknown;
};

struct Scope {
  BlockKind kind = BlockKind::kModule;
  std::string_view name;         // function/class name, "<lambda>", "<listcomp>", "top"
  const ast::Node* node = nullptr;
  int lineno = 0;
  Scope* parent = nullptr;
  std::vector<Scope*> children;  // in source order

  // Symbols in the order the first pass met them (parameters first).
  std::vector<Symbol> symbols;
  std::unordered_map<std::string_view, int> index;
  std::vector<std::string_view> params;  // in declaration order, vararg and kwarg included

  bool is_lambda = false;
  bool is_comprehension = false;
  bool is_nested = false;        // inside a function (its code needs CO_NESTED)
  bool is_generator = false;
  bool is_coroutine = false;     // async def, or an async comprehension
  bool has_varargs = false;
  bool has_varkeywords = false;
  bool returns_value = false;
  bool has_free = false;         // resolves some name as free
  bool child_has_free = false;
  bool needs_class_closure = false;  // class whose methods use __class__/super
  bool comp_iter_target = false;     // first pass: inside a comprehension target
  int comp_iter_expr = 0;            // first pass: inside a comprehension's iterable

  const Symbol* lookup(std::string_view name) const {
    auto it = index.find(name);
    return it == index.end() ? nullptr : &symbols[it->second];
  }
  NameScope scope_of(std::string_view name) const {
    const Symbol* s = lookup(name);
    return s ? s->scope : NameScope::kUnknown;
  }
  uint32_t flags_of(std::string_view name) const {
    const Symbol* s = lookup(name);
    return s ? s->flags : 0;
  }
};

class SymbolTable {
 public:
  // Builds the table of `mod`. On a scoping error returns false and fills
  // `*error` (message and location; the caller adds filename and text).
  bool build(const ast::ModNode* mod, parse::SyntaxError* error);
  // Annotations are strings even without the future import (inherited by
  // compile()/exec() from the calling code's flags). Call before build().
  void inherit_future_annotations() { future_annotations_ = true; }

  Scope* top() const { return top_; }
  // The scope a FunctionDef/AsyncFunctionDef/ClassDef/Lambda/comprehension
  // node opened; nullptr for any other node.
  Scope* scope_for(const ast::Node* node) const {
    auto it = scopes_.find(node);
    return it == scopes_.end() ? nullptr : it->second;
  }
  bool future_annotations() const { return future_annotations_; }

  ~SymbolTable();

 private:
  friend class SymtableBuilder;
  Scope* top_ = nullptr;
  std::vector<Scope*> all_;
  std::unordered_map<const ast::Node*, Scope*> scopes_;
  bool future_annotations_ = false;
  std::deque<std::string> strings_;  // mangled names the views point into
};

// "_Foo__x" for `__x` used in class Foo; other names unchanged. Returns a
// view of `name` or of `storage`.
std::string_view mangle(std::string_view class_name, std::string_view name, std::string* storage);

}  // namespace pyrite::python::compile
