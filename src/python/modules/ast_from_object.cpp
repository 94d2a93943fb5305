// compile() of an AST object, first half: Python node objects -> the C++
// AST (docs/modules.md, "_ast"), with CPython 3.11's type errors.
//
// The steps and their order are CPython's obj2ast: a node of a sum type
// (expr, stmt, ...) is None (no node) or has its position attributes read
// first, then is matched with isinstance against the category's classes;
// a product type (arguments, keyword, ...) is not type-checked at all, its
// fields are read as attributes. Fields are read in _fields order; a
// missing required field, a list that is not a list and a value of the
// wrong kind are TypeErrors; None where a node is required is the
// ValueError CPython's node constructors raise. What obj2ast leaves to the
// validator (contexts, empty bodies, ...) is ast_validate.cpp's.
#include <gmp.h>

#include <cmath>
#include <string>
#include <type_traits>

#include "python/interp/interp.h"
#include "python/modules/ast_module.h"
#include "python/objects/bytes.h"
#include "python/objects/complex.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// Category numbers: AST_SUM order in ast.def.
enum Category : int {
#define AST_SUM(Base, pyname) k##Base,
#include "python/parse/ast.def"
};

template <class T>
constexpr int category_of() {
  if constexpr (std::is_same_v<T, ast::ModNode>) return kModNode;
  else if constexpr (std::is_same_v<T, ast::StmtNode>) return kStmtNode;
  else if constexpr (std::is_same_v<T, ast::ExprNode>) return kExprNode;
  else if constexpr (std::is_same_v<T, ast::ExceptHandlerNode>) return kExceptHandlerNode;
  else if constexpr (std::is_same_v<T, ast::PatternNode>) return kPatternNode;
  else if constexpr (std::is_same_v<T, ast::TypeIgnoreNode>) return kTypeIgnoreNode;
  else return kProductNode;
}

template <class E>
constexpr int enum_index();
template <> constexpr int enum_index<ast::ExprContext>() { return 0; }
template <> constexpr int enum_index<ast::BoolOpKind>() { return 1; }
template <> constexpr int enum_index<ast::Operator>() { return 2; }
template <> constexpr int enum_index<ast::UnaryOpKind>() { return 3; }
template <> constexpr int enum_index<ast::CmpOp>() { return 4; }

// Leaves a recursion level of enter_recursive_call on scope exit.
struct RecursionLevel {
  bool entered;
  explicit RecursionLevel(const char* type) {
    std::string where = std::string(" while traversing '") + type + "' node";
    entered = enter_recursive_call(where.c_str());
  }
  ~RecursionLevel() {
    if (entered) leave_recursive_call();
  }
};

class FromObject {
 public:
  explicit FromObject(base::Arena& arena) : arena_(arena) {}

  // A node of a sum category; None gives *out = null.
  bool sum(Value obj, int category, ast::Node** out);
  // A product node (arguments, keyword, ...) of kind k.
  bool product(Value obj, ast::Kind k, ast::Node** out);

  template <class T>
  bool convert(Value v, T** out) {
    ast::Node* n = nullptr;
    bool ok;
    if constexpr (category_of<T>() == kProductNode) ok = product(v, T::kKind, &n);
    else ok = sum(v, category_of<T>(), &n);
    *out = static_cast<T*>(n);
    return ok;
  }

 private:
  // obj.name, or null: missing (no error) or an error (has_error()).
  Value lookup(Value obj, const char* name) {
    Value v = get_attr_or_null(obj, intern(name));
    return v;
  }
  bool missing(const char* name, const char* owner) {
    if (has_error()) return false;
    raisef(exc::TypeError, "required field \"%s\" missing from %s", name, owner);
    return false;
  }
  bool required_none(const char* name, const char* owner) {
    raisef(exc::ValueError, "field '%s' is required for %s", name, owner);
    return false;
  }

  template <class T>
  bool child(Value obj, const char* name, const char* owner, bool optional, T** out) {
    Value v = lookup(obj, name);
    if (!v) {
      if (optional && !has_error()) return true;
      return missing(name, owner);
    }
    if (is_none(v) && optional) return true;
    if (!convert(v, out)) return false;
    if (!*out && !optional && category_of<T>() != kProductNode) return required_none(name, owner);
    return true;
  }

  // A list field: checks, then `each(item, index)` per element.
  template <class F>
  bool list(Value obj, const char* name, const char* owner, uint32_t* size, F&& each) {
    Value v = lookup(obj, name);
    if (!v) return missing(name, owner);
    if (!is_list(v)) {
      raisef(exc::TypeError, "%s field \"%s\" must be a list, not a %s", owner, name,
             type_name(v).c_str());
      return false;
    }
    List* l = v.as<List>();
    int64_t n = list_size(l);
    *size = uint32_t(n);
    for (int64_t i = 0; i < n; i++) {
      if (!each(list_item(l, i), uint32_t(i))) return false;
      if (n != list_size(l)) {
        raisef(exc::RuntimeError, "%s field \"%s\" changed size during iteration", owner, name);
        return false;
      }
    }
    return true;
  }

  template <class T>
  bool node_list(Value obj, const char* name, const char* owner, ast::List<T>* out) {
    Value v = lookup(obj, name);
    int64_t n = v && is_list(v) ? list_size(v.as<List>()) : 0;
    out->items = arena_.make_array<T*>(size_t(n));
    return list(obj, name, owner, &out->size, [&](Value item, uint32_t i) {
      if (i >= n) return true;  // grew: reported after this element
      return convert(item, &out->items[i]);
    });
  }

  bool identifier(Value v, ast::Ident* out) {
    if (is_none(v)) {
      *out = ast::Ident();
      return true;
    }
    if (!is_exact_str(v)) {
      raise(exc::TypeError, "AST identifier must be of type str");
      return false;
    }
    *out = arena_.copy(str_to_utf8(v.as<Str>()));
    return true;
  }
  bool ident(Value obj, const char* name, const char* owner, bool optional, ast::Ident* out) {
    Value v = lookup(obj, name);
    if (!v) {
      if (optional && !has_error()) return true;
      return missing(name, owner);
    }
    if (!identifier(v, out)) return false;
    if (!optional && ast::is_none(*out)) return required_none(name, owner);
    return true;
  }
  bool ident_list(Value obj, const char* name, const char* owner, ast::Seq<ast::Ident>* out) {
    Value v = lookup(obj, name);
    int64_t n = v && is_list(v) ? list_size(v.as<List>()) : 0;
    out->items = arena_.make_array<ast::Ident>(size_t(n));
    return list(obj, name, owner, &out->size, [&](Value item, uint32_t i) {
      if (i >= n) return true;
      if (!identifier(item, &out->items[i])) return false;
      if (ast::is_none(out->items[i])) {
        raisef(exc::ValueError, "field '%s' is required for %s", name, owner);
        return false;
      }
      return true;
    });
  }

  template <class E>
  bool enum_value(Value v, E* out) {
    int e = enum_index<E>();
    for (int i = 0, n = ast_enum_size(e); i < n; i++) {
      int r = isinstance_full(v, Value(ast_enum_class(e, i)));
      if (r < 0) return false;
      if (r) {
        *out = E(i);
        return true;
      }
    }
    Value r = repr(v);
    if (!r) return false;
    raisef(exc::TypeError, "expected some sort of %s, but got %s", ast_enum_name(e),
           str_to_utf8(r.as<Str>()).c_str());
    return false;
  }
  template <class E>
  bool enumeration(Value obj, const char* name, const char* owner, E* out) {
    Value v = lookup(obj, name);
    if (!v) return missing(name, owner);
    return enum_value(v, out);
  }
  template <class E>
  bool enum_list(Value obj, const char* name, const char* owner, ast::Seq<E>* out) {
    Value v = lookup(obj, name);
    int64_t n = v && is_list(v) ? list_size(v.as<List>()) : 0;
    out->items = arena_.make_array<E>(size_t(n));
    return list(obj, name, owner, &out->size, [&](Value item, uint32_t i) {
      if (i >= n) return true;
      return enum_value(item, &out->items[i]);
    });
  }

  bool int_value(Value v, int32_t* out) {
    if (!is_int(v)) {
      Value r = repr(v);
      if (!r) return false;
      raisef(exc::ValueError, "invalid integer value: %s", str_to_utf8(r.as<Str>()).c_str());
      return false;
    }
    std::optional<int64_t> i = int_to_i64(v);
    if (!i || *i < INT32_MIN || *i > INT32_MAX) {
      raise(exc::OverflowError, "Python int too large to convert to C int");
      return false;
    }
    *out = int32_t(*i);
    return true;
  }
  // An int field; `optional` (int?) gives `dflt` for missing or None.
  bool integer(Value obj, const char* name, const char* owner, bool optional, int32_t dflt, int32_t* out) {
    Value v = lookup(obj, name);
    if (!v || (optional && is_none(v))) {
      if (optional && !has_error()) {
        *out = dflt;
        return true;
      }
      return missing(name, owner);
    }
    return int_value(v, out);
  }

  bool string(Value obj, const char* name, const char* owner, bool optional, std::string_view* out) {
    Value v = lookup(obj, name);
    if (!v) {
      if (optional && !has_error()) return true;
      return missing(name, owner);
    }
    if (is_none(v) && optional) return true;
    if (is_exact_str(v)) {
      *out = arena_.copy(str_to_utf8(v.as<Str>()));
    } else if (is_exact_bytes(v)) {
      *out = arena_.copy(v.as<Bytes>()->view());
    } else {
      raise(exc::TypeError, "AST string must be of type str");
      return false;
    }
    return true;
  }

  // Constant.value and MatchSingleton.value. Tuples and complex numbers
  // with a real part have no ConstValue: `*rebuilt` gets an equivalent
  // expression (a Tuple display, real + imaginary), which the compiler
  // folds back into the same constant.
  bool constant(Value v, ast::ConstValue* out, ast::ExprNode** rebuilt, const ast::Node* pos);
  bool constant_field(Value obj, const char* name, const char* owner, ast::ConstValue* out,
                      ast::ExprNode** rebuilt, const ast::Node* pos) {
    Value v = lookup(obj, name);
    if (!v) return missing(name, owner);
    return constant(v, out, rebuilt, pos);
  }

  // The end positions are `int?` (missing: the start) but for patterns.
  bool positions(Value obj, const char* owner, ast::Node* n, bool end_optional = true) {
    int32_t lineno = 0, col = 0, end_lineno = 0, end_col = 0;
    if (!integer(obj, "lineno", owner, false, 0, &lineno)) return false;
    if (!integer(obj, "col_offset", owner, false, 0, &col)) return false;
    if (!integer(obj, "end_lineno", owner, end_optional, lineno, &end_lineno)) return false;
    if (!integer(obj, "end_col_offset", owner, end_optional, col, &end_col)) return false;
    n->lineno = lineno;
    n->col_offset = col;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col;
    return true;
  }

  // The fields of a node of kind k into a new C++ node.
  bool fields(Value obj, ast::Kind k, ast::Node** out);

  base::Arena& arena_;
};

bool FromObject::constant(Value v, ast::ConstValue* out, ast::ExprNode** rebuilt, const ast::Node* pos) {
  using ast::ConstKind;
  auto at = [&](auto* n) {
    n->lineno = pos->lineno;
    n->col_offset = pos->col_offset;
    n->end_lineno = pos->end_lineno;
    n->end_col_offset = pos->end_col_offset;
    return n;
  };
  if (is_none(v)) {
    out->kind = ConstKind::None;
  } else if (v.is(py_bool(true))) {
    out->kind = ConstKind::True;
  } else if (v.is(py_bool(false))) {
    out->kind = ConstKind::False;
  } else if (v.is(singletons::ellipsis)) {
    out->kind = ConstKind::Ellipsis;
  } else if (is_exact_int(v)) {
    if (std::optional<int64_t> i = int_to_i64(v)) {
      out->kind = ConstKind::Int;
      out->i = *i;
    } else {
      mpz_t scratch;
      mpz_init(scratch);
      mpz_srcptr z = int_as_mpz(v, scratch);
      char* digits = mpz_get_str(nullptr, 10, z);
      out->kind = ConstKind::BigInt;
      out->s = arena_.copy(digits);
      void (*free_fn)(void*, size_t);
      mp_get_memory_functions(nullptr, nullptr, &free_fn);
      free_fn(digits, std::strlen(digits) + 1);
      mpz_clear(scratch);
    }
  } else if (is_exact_float(v)) {
    out->kind = ConstKind::Float;
    out->f = float_value(v);
  } else if (v.is_object() && type_of(v) == types::complex) {
    Value re = get_attr(v, intern("real"));
    Value im = get_attr(v, intern("imag"));
    if (!re || !im) return false;
    double real = float_value(re), imag = float_value(im);
    out->kind = ConstKind::Complex;
    out->f = imag;
    if (real != 0 || std::signbit(real)) {
      if (!rebuilt) {
        raise(exc::ValueError, "MatchSingleton can only contain True, False and None");
        return false;
      }
      // real - (-imag)j keeps every sign but that of a negative imaginary
      // part's zero; -((-real) - imag j) keeps those (x - 0.0 is x, 0.0 - y
      // is -y but for y = -0.0).
      bool negate = std::signbit(imag);
      auto* left = at(arena_.make<ast::Constant>());
      left->value.kind = ConstKind::Float;
      left->value.f = negate ? -real : real;
      auto* right = at(arena_.make<ast::Constant>());
      right->value = *out;
      right->value.f = negate ? imag : -imag;
      auto* diff = at(arena_.make<ast::BinOp>());
      diff->left = left;
      diff->op = ast::Operator::Sub;
      diff->right = right;
      *rebuilt = diff;
      if (negate) {
        auto* neg = at(arena_.make<ast::UnaryOp>());
        neg->op = ast::UnaryOpKind::USub;
        neg->operand = diff;
        *rebuilt = neg;
      }
    }
  } else if (is_exact_str(v)) {
    out->kind = ConstKind::Str;
    out->s = arena_.copy(str_to_utf8(v.as<Str>()));
  } else if (is_exact_bytes(v)) {
    out->kind = ConstKind::Bytes;
    out->s = arena_.copy(v.as<Bytes>()->view());
  } else if (is_exact_tuple(v) && rebuilt) {
    Tuple* t = v.as<Tuple>();
    auto* display = at(arena_.make<ast::Tuple>());
    display->ctx = ast::ExprContext::Load;
    display->elts.size = uint32_t(t->length);
    display->elts.items = arena_.make_array<ast::ExprNode*>(size_t(t->length));
    for (int64_t i = 0; i < t->length; i++) {
      auto* item = at(arena_.make<ast::Constant>());
      ast::ExprNode* sub = nullptr;
      if (!constant(t->items()[i], &item->value, &sub, pos)) return false;
      display->elts.items[i] = sub ? sub : item;
    }
    *rebuilt = display;
  } else if (v.is_object() && type_of(v) == types::frozenset && rebuilt) {
    raise(exc::NotImplementedError, "Pyrite cannot compile a frozenset Constant from an AST");
    return false;
  } else {
    raisef(exc::TypeError, "got an invalid type in Constant: %s", type_name(v).c_str());
    return false;
  }
  return true;
}

bool FromObject::sum(Value obj, int category, ast::Node** out) {
  *out = nullptr;
  if (is_none(obj)) return true;
  const char* cat_name = ast_category_name(category);
  RecursionLevel level(cat_name);
  if (!level.entered) return false;
  ast::Node pos;
  bool attrs = category == kStmtNode || category == kExprNode || category == kExceptHandlerNode ||
               category == kPatternNode;
  if (attrs && !positions(obj, cat_name, &pos, category != kPatternNode)) return false;
  int kind = -1;
  Type* t = type_of(obj);
  for (int k = 0; k < int(ast::Kind::kCount) && kind < 0; k++)
    if (ast_category_of(ast::Kind(k)) == category && ast_node_class(ast::Kind(k)) == t) kind = k;
  for (int k = 0; k < int(ast::Kind::kCount) && kind < 0; k++) {
    if (ast_category_of(ast::Kind(k)) != category) continue;
    int r = isinstance_full(obj, Value(ast_node_class(ast::Kind(k))));
    if (r < 0) return false;
    if (r) kind = k;
  }
  if (kind < 0) {
    Value r = repr(obj);
    if (!r) return false;
    raisef(exc::TypeError, "expected some sort of %s, but got %s", cat_name, str_to_utf8(r.as<Str>()).c_str());
    return false;
  }
  ast::Node* n = nullptr;
  if (ast::Kind(kind) == ast::Kind::Constant) {
    auto* c = arena_.make<ast::Constant>();
    c->lineno = pos.lineno;
    c->col_offset = pos.col_offset;
    c->end_lineno = pos.end_lineno;
    c->end_col_offset = pos.end_col_offset;
    ast::ExprNode* rebuilt = nullptr;
    if (!constant_field(obj, "value", "Constant", &c->value, &rebuilt, c)) return false;
    if (!string(obj, "kind", "Constant", true, &c->str_kind)) return false;
    *out = rebuilt ? static_cast<ast::Node*>(rebuilt) : c;
    return true;
  }
  if (!fields(obj, ast::Kind(kind), &n)) return false;
  if (attrs) {
    n->lineno = pos.lineno;
    n->col_offset = pos.col_offset;
    n->end_lineno = pos.end_lineno;
    n->end_col_offset = pos.end_col_offset;
  }
  *out = n;
  return true;
}

bool FromObject::product(Value obj, ast::Kind k, ast::Node** out) {
  *out = nullptr;
  RecursionLevel level(ast_node_name(k));
  if (!level.entered) return false;
  ast::Node* n = nullptr;
  if (!fields(obj, k, &n)) return false;
  if (ast_has_attributes(k) && !positions(obj, ast_node_name(k), n)) return false;
  *out = n;
  return true;
}

bool FromObject::fields(Value obj, ast::Kind k, ast::Node** out) {
  const char* owner = ast_node_name(k);
  switch (k) {
#define AST_NODE(Base, Cpp, pyname)       \
  case ast::Kind::Cpp: {                  \
    auto* x = arena_.make<ast::Cpp>(); \
    *out = x;
#define AST_END(Base, Cpp) \
  return true;             \
  }
#define AST_CHILD(Type, name) \
  if (!child(obj, #name, owner, false, &x->name)) return false;
#define AST_OPT(Type, name) \
  if (!child(obj, #name, owner, true, &x->name)) return false;
#define AST_LIST(Type, name) \
  if (!node_list(obj, #name, owner, &x->name)) return false;
#define AST_IDENT(name) \
  if (!ident(obj, #name, owner, false, &x->name)) return false;
#define AST_OPT_IDENT(name) \
  if (!ident(obj, #name, owner, true, &x->name)) return false;
#define AST_IDENT_LIST(name) \
  if (!ident_list(obj, #name, owner, &x->name)) return false;
#define AST_ENUM(Enum, name) \
  if (!enumeration(obj, #name, owner, &x->name)) return false;
#define AST_ENUM_LIST(Enum, name) \
  if (!enum_list(obj, #name, owner, &x->name)) return false;
#define AST_INT(name) \
  if (!integer(obj, #name, owner, k == ast::Kind::ImportFrom, 0, &x->name)) return false;
#define AST_CONST(name) \
  if (!constant_field(obj, #name, owner, &x->name, nullptr, x)) return false;
#define AST_OPT_STR(name) \
  if (!string(obj, #name, owner, true, &x->name)) return false;
#define AST_STR(name) \
  if (!string(obj, #name, owner, false, &x->name)) return false;
#define AST_OPT_STR_AS(member, name) \
  if (!string(obj, #name, owner, true, &x->member)) return false;
#include "python/parse/ast.def"
    case ast::Kind::kCount:
      break;
  }
  return false;
}

}  // namespace

ast::ModNode* ast_from_object(Value tree, std::string_view mode, base::Arena& arena) {
  ast::Kind want = mode == "eval"        ? ast::Kind::Expression
                   : mode == "single"    ? ast::Kind::Interactive
                   : mode == "func_type" ? ast::Kind::FunctionType
                                         : ast::Kind::Module;
  int r = isinstance_full(tree, Value(ast_node_class(want)));
  if (r < 0) return nullptr;
  if (!r) {
    raisef(exc::TypeError, "expected %s node, got %s", ast_node_name(want),
           type_name(tree).c_str());
    return nullptr;
  }
  FromObject f(arena);
  ast::ModNode* mod = nullptr;
  if (!f.convert(tree, &mod)) return nullptr;
  return mod;
}

}  // namespace pyrite::python
