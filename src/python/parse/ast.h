// The abstract syntax tree, generated from ast.def (docs/frontend.md).
//
// Nodes live in a base::Arena and are never destroyed individually, so they
// hold only trivially destructible members: child pointers, arena-backed
// lists and string views into the arena.
//
//   Node { kind, lineno, col_offset, end_lineno, end_col_offset }
//     ExprNode / StmtNode / PatternNode / ...   categories (ast.def AST_SUM)
//       BinOp / If / MatchAs / ...              concrete nodes, fields in
//                                               CPython's order
//
// Positions are CPython's: 1-based lines, 0-based UTF-8 byte columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/arena.h"

namespace pyrite::python::ast {

// ---- enums -------------------------------------------------------------------

#define AST_ENUM_BEGIN(Enum, pyname) enum class Enum : uint8_t {
#define AST_ENUM_VALUE(Enum, Value) Value,
#define AST_ENUM_END(Enum) };
#include "python/parse/ast.def"

const char* enum_name(ExprContext v);
const char* enum_name(BoolOpKind v);
const char* enum_name(Operator v);
const char* enum_name(UnaryOpKind v);
const char* enum_name(CmpOp v);

enum class Kind : uint8_t {
#define AST_NODE(Base, Cpp, pyname) Cpp,
#include "python/parse/ast.def"
  kCount
};

// The Python class name of a node kind ("BinOp", "comprehension").
const char* kind_name(Kind k);

// ---- leaves ------------------------------------------------------------------

// An identifier, NFKC-normalized, stored in the arena. For optional
// identifiers, data() == nullptr means None.
using Ident = std::string_view;

inline bool is_none(Ident id) { return id.data() == nullptr; }

// An arena-backed array. Element pointers may be null where the AST allows
// None inside a list (Dict.keys, arguments.kw_defaults).
template <class T>
struct Seq {
  T* items = nullptr;
  uint32_t size = 0;

  T* begin() const { return items; }
  T* end() const { return items + size; }
  T& operator[](uint32_t i) const { return items[i]; }
  bool empty() const { return size == 0; }
};

template <class T>
using List = Seq<T*>;

// A constant literal before the object model exists. Strings are stored as
// UTF-8 in which lone surrogates (from "\udc80" escapes) are encoded as
// three-byte sequences, so every Python str survives the trip.
enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Complex, Str, Bytes };

struct ConstValue {
  ConstKind kind = ConstKind::None;
  int64_t i = 0;       // Int
  double f = 0;        // Float; Complex holds its imaginary part (literals are pure imaginary)
  std::string_view s;  // BigInt: decimal digits; Str: UTF-8 as above; Bytes: raw bytes
};

// ---- nodes -------------------------------------------------------------------

struct Node {
  Kind kind;
  int32_t lineno = 0;
  int32_t col_offset = 0;
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
};

#define AST_SUM(Base, pyname) \
  struct Base : Node {};
#include "python/parse/ast.def"

#define AST_NODE(Base, Cpp, pyname) struct Cpp;
#include "python/parse/ast.def"

#define AST_NODE(Base, Cpp, pyname)               \
  struct Cpp final : Base {                       \
    static constexpr Kind kKind = Kind::Cpp;      \
    Cpp() { kind = kKind; }
#define AST_END(Base, Cpp) };
#define AST_CHILD(Type, name) Type* name = nullptr;
#define AST_OPT(Type, name) Type* name = nullptr;
#define AST_LIST(Type, name) List<Type> name;
#define AST_IDENT(name) Ident name;
#define AST_OPT_IDENT(name) Ident name;
#define AST_IDENT_LIST(name) Seq<Ident> name;
#define AST_ENUM(Enum, name) Enum name{};
#define AST_ENUM_LIST(Enum, name) Seq<Enum> name;
#define AST_INT(name) int32_t name = 0;
#define AST_CONST(name) ConstValue name;
#define AST_OPT_STR(name) std::string_view name;
#define AST_STR(name) std::string_view name;
#define AST_OPT_STR_AS(member, name) std::string_view member;
#include "python/parse/ast.def"

// Checked downcasts: `if (auto* b = ast::as<ast::BinOp>(e)) ...`.
template <class T>
T* as(Node* n) {
  return n && n->kind == T::kKind ? static_cast<T*>(n) : nullptr;
}
template <class T>
const T* as(const Node* n) {
  return n && n->kind == T::kKind ? static_cast<const T*>(n) : nullptr;
}
template <class T>
bool is(const Node* n) {
  return n && n->kind == T::kKind;
}

// Allocates a node in `arena` and copies the position of `from` onto it.
template <class T>
T* make(base::Arena& arena, int lineno, int col, int end_lineno, int end_col) {
  T* n = arena.make<T>();
  n->lineno = lineno;
  n->col_offset = col;
  n->end_lineno = end_lineno;
  n->end_col_offset = end_col;
  return n;
}

// ast.dump(node) with CPython's default arguments (annotate_fields=True,
// include_attributes=False). `include_attributes` adds the positions.
// A tree nested deeper than kMaxDumpDepth sets `*too_deep` (and the text is
// incomplete): CPython cannot build such a tree as Python objects either
// ("maximum recursion depth exceeded during ast construction"); its limit
// is 3 x the recursion limit less 3 per active frame, so 2994 for
// ast.parse() called at module level.
constexpr int kMaxDumpDepth = 2994;
std::string dump(const Node* node, bool include_attributes = false, bool* too_deep = nullptr);

// Python repr() of constants, as ast.dump prints them.
std::string repr_constant(const ConstValue& v);
std::string repr_str(std::string_view utf8);
std::string repr_bytes(std::string_view bytes);
std::string repr_float(double d);

}  // namespace pyrite::python::ast
