// The _ast module: CPython 3.11's node classes, made from parse/ast.def, and
// the C++ AST -> Python objects direction (docs/modules.md, "_ast").
//
// The classes are ordinary heap classes (`type(ast.BinOp) is type`) under
// one base, AST, whose __init__ takes the fields positionally and by name as
// CPython's does. Optional fields (`expr?`, `identifier?`, the end
// positions) are None on the class, so a node built without them reads
// None. The operator and context classes have one shared instance each,
// which parsed trees use (`ast.parse("a+b").body[0].value.op` is the same
// object every time), as in CPython.
#include "python/modules/ast_module.h"

#include <gmp.h>

#include <string>

#include "base/stack.h"
#include "python/compile/compiler.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"
#include "python/objects/code.h"
#include "python/objects/complex.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/bytes.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/parse/parser.h"

namespace pyrite::python {

namespace ast_classes {

// ---- the tables, from ast.def ------------------------------------------------------

#define AST_SUM(Base, pyname) k##Base,
enum Category : uint8_t {
#include "python/parse/ast.def"
  kCategoryCount
};

const char* const kCategoryName[] = {
#define AST_SUM(Base, pyname) #pyname,
#include "python/parse/ast.def"
};

const Category kCategoryOf[] = {
#define AST_NODE(Base, Cpp, pyname) k##Base,
#include "python/parse/ast.def"
};

#define AST_ENUM_BEGIN(Enum, pyname) const char* const kValues_##Enum[] = {
#define AST_ENUM_VALUE(Enum, Value) #Value,
#define AST_ENUM_END(Enum) nullptr};
#include "python/parse/ast.def"

struct EnumInfo {
  const char* name;
  const char* const* values;
};
const EnumInfo kEnums[] = {
#define AST_ENUM_BEGIN(Enum, pyname) {#pyname, kValues_##Enum},
#include "python/parse/ast.def"
};
constexpr int kEnumCount = sizeof kEnums / sizeof kEnums[0];
constexpr int kMaxEnumValues = 16;

enum class FieldKind : uint8_t {
  kChild, kOpt, kList, kIdent, kOptIdent, kIdentList, kEnum, kEnumList, kInt, kConst, kOptStr, kStr
};
struct FieldInfo {
  const char* name;
  FieldKind kind;
  const char* type;  // the C++ type of a node or enum field
};

#define AST_NODE(Base, Cpp, pyname) const FieldInfo kFields_##Cpp[] = {
#define AST_END(Base, Cpp) {nullptr, FieldKind::kInt, nullptr}};
#define AST_CHILD(Type, name) {#name, FieldKind::kChild, #Type},
#define AST_OPT(Type, name) {#name, FieldKind::kOpt, #Type},
#define AST_LIST(Type, name) {#name, FieldKind::kList, #Type},
#define AST_IDENT(name) {#name, FieldKind::kIdent, nullptr},
#define AST_OPT_IDENT(name) {#name, FieldKind::kOptIdent, nullptr},
#define AST_IDENT_LIST(name) {#name, FieldKind::kIdentList, nullptr},
#define AST_ENUM(Enum, name) {#name, FieldKind::kEnum, #Enum},
#define AST_ENUM_LIST(Enum, name) {#name, FieldKind::kEnumList, #Enum},
#define AST_INT(name) {#name, FieldKind::kInt, nullptr},
#define AST_CONST(name) {#name, FieldKind::kConst, nullptr},
#define AST_OPT_STR(name) {#name, FieldKind::kOptStr, nullptr},
#define AST_STR(name) {#name, FieldKind::kStr, nullptr},
#define AST_OPT_STR_AS(member, name) {#name, FieldKind::kOptStr, nullptr},
#include "python/parse/ast.def"

struct NodeInfo {
  const char* name;
  const FieldInfo* fields;
};
const NodeInfo kNodes[] = {
#define AST_NODE(Base, Cpp, pyname) {#pyname, kFields_##Cpp},
#include "python/parse/ast.def"
};

// The ASDL name of a C++ node or enum type ("ExprNode" -> "expr").
const char* asdl_type(const char* cpp) {
  static const struct {
    const char* cpp;
    const char* asdl;
  } kMap[] = {{"ModNode", "mod"},         {"StmtNode", "stmt"},
              {"ExprNode", "expr"},       {"ExceptHandlerNode", "excepthandler"},
              {"PatternNode", "pattern"}, {"TypeIgnoreNode", "type_ignore"},
              {"Comprehension", "comprehension"}, {"Arguments", "arguments"},
              {"Arg", "arg"},             {"Keyword", "keyword"},
              {"Alias", "alias"},         {"WithItem", "withitem"},
              {"MatchCase", "match_case"}, {"ExprContext", "expr_context"},
              {"BoolOpKind", "boolop"},   {"Operator", "operator"},
              {"UnaryOpKind", "unaryop"}, {"CmpOp", "cmpop"}};
  for (const auto& m : kMap)
    if (std::string_view(m.cpp) == cpp) return m.asdl;
  return cpp;
}

// `int?` in the ASDL although the parser always sets it.
bool optional_int(ast::Kind k, const char* field) {
  return k == ast::Kind::ImportFrom && std::string_view(field) == "level";
}

bool is_optional(ast::Kind k, const FieldInfo& f) {
  return f.kind == FieldKind::kOpt || f.kind == FieldKind::kOptIdent || f.kind == FieldKind::kOptStr ||
         (f.kind == FieldKind::kInt && optional_int(k, f.name));
}

// "BinOp(expr left, operator op, expr right)".
std::string signature(ast::Kind k) {
  const NodeInfo& n = kNodes[int(k)];
  std::string s = n.name;
  s += '(';
  bool first = true;
  for (const FieldInfo* f = n.fields; f->name; f++) {
    if (!first) s += ", ";
    first = false;
    switch (f->kind) {
      case FieldKind::kChild: case FieldKind::kEnum: s += asdl_type(f->type); break;
      case FieldKind::kOpt: s += asdl_type(f->type); s += '?'; break;
      case FieldKind::kList: case FieldKind::kEnumList: s += asdl_type(f->type); s += '*'; break;
      case FieldKind::kIdent: s += "identifier"; break;
      case FieldKind::kOptIdent: s += "identifier?"; break;
      case FieldKind::kIdentList: s += "identifier*"; break;
      case FieldKind::kInt: s += optional_int(k, f->name) ? "int?" : "int"; break;
      case FieldKind::kConst: s += "constant"; break;
      case FieldKind::kOptStr: s += "string?"; break;
      case FieldKind::kStr: s += "string"; break;
    }
    s += ' ';
    s += f->name;
  }
  if (first) s.pop_back();  // no fields: "Pass"
  else s += ')';
  return s;
}

// ---- the classes ----------------------------------------------------------------

Type* g_ast = nullptr;
Type* g_category[kCategoryCount];
Type* g_node[int(ast::Kind::kCount)];
Type* g_enum_base[kEnumCount];
Type* g_enum[kEnumCount][kMaxEnumValues];
Object* g_enum_instance[kEnumCount][kMaxEnumValues];

bool has_attributes_category(Category c) {
  return c == kStmtNode || c == kExprNode || c == kExceptHandlerNode || c == kPatternNode;
}

}  // namespace ast_classes

using namespace ast_classes;

bool ast_has_attributes(ast::Kind k) {
  return has_attributes_category(kCategoryOf[int(k)]) || k == ast::Kind::Arg || k == ast::Kind::Keyword ||
         k == ast::Kind::Alias;
}

Type* ast_node_class(ast::Kind k) { return g_node[int(k)]; }
int ast_category_of(ast::Kind k) { return kCategoryOf[int(k)]; }
const char* ast_category_name(int category) { return kCategoryName[category]; }
const char* ast_node_name(ast::Kind k) { return kNodes[int(k)].name; }
Type* ast_enum_class(int e, int value) { return g_enum[e][value]; }
int ast_enum_size(int e) {
  int n = 0;
  while (kEnums[e].values[n]) n++;
  return n;
}
const char* ast_enum_name(int e) { return kEnums[e].name; }

namespace {

Tuple* names_tuple(std::initializer_list<const char*> names) {
  Tuple* t = tuple_new(int64_t(names.size()));
  int64_t i = 0;
  for (const char* n : names) t->items()[i++] = intern(n);
  return t;
}

Tuple* attributes_tuple() { return names_tuple({"lineno", "col_offset", "end_lineno", "end_col_offset"}); }

// AST.__init__(self, *args, **kwargs): positional args fill _fields in
// order, keywords set any attribute.
Value ast_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static Str* const fields_name = intern("_fields");
  Value fields = get_attr_or_null(Value(self.object()->type), fields_name);
  if (!fields && has_error()) return Value();
  int64_t numfields = 0;
  if (fields) {
    numfields = length(fields);
    if (numfields < 0) return Value();
  }
  if (int64_t(nargs) > numfields) {
    return raisef(exc::TypeError, "%s constructor takes at most %lld positional argument%s",
                  type_name_of(self.object()->type).c_str(), (long long)numfields,
                  numfields == 1 ? "" : "s");
  }
  for (size_t i = 0; i < nargs; i++) {
    Value name = get_item(fields, int_from_i64(int64_t(i)));
    if (!name) return Value();
    if (!is_str(name)) {
      return raisef(exc::TypeError, "attribute name must be string, not '%s'", type_name(name).c_str());
    }
    if (!set_attr(self, name.as<Str>(), args[i])) return Value();
  }
  int64_t nkw = kwnames ? kwnames->length : 0;
  for (int64_t i = 0; i < nkw; i++) {
    Value key = kwnames->items()[i];
    if (fields) {
      int c = contains(fields, key);
      if (c < 0) return Value();
      if (c) {
        static Str* const index_name = intern("index");
        Value p = call_method(fields, index_name, &key, 1);
        if (!p) return Value();
        int64_t pi = 0;
        if (!int_to_index(p, &pi)) return Value();
        if (pi < int64_t(nargs)) {
          return raisef(exc::TypeError, "%s got multiple values for argument '%s'",
                        type_name_of(self.object()->type).c_str(),
                        str_to_utf8(key.as<Str>()).c_str());
        }
      }
    }
    if (!set_attr(self, key.as<Str>(), args[nargs + i])) return Value();
  }
  return none();
}

// AST.__reduce__: (type(self), (), self.__dict__), or without the dict.
Value ast_reduce(Value self, const Value*, size_t, Tuple*) {
  static Str* const dict_name = intern("__dict__");
  Value d = get_attr_or_null(self, dict_name);
  if (!d && has_error()) return Value();
  Value t(self.object()->type);
  if (d) return tuple_of({t, Value(tuple_empty()), d});
  return tuple_of({t, Value(tuple_empty())});
}

// AST.__new__(cls, *args, **kwargs): an empty node of cls, whatever the
// arguments (CPython's tp_new is PyType_GenericNew), so ast.py's Num/Str
// classes can call Constant.__new__(cls, *args).
Value ast_new(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1) return raise(exc::TypeError, "ast.AST.__new__(): not enough arguments");
  Value cls = args[0];
  if (!cls.is_object() || !type_of(cls)->has_flag(TypeFlag::kTypeSubclass)) {
    return raisef(exc::TypeError, "ast.AST.__new__(X): X is not a type object (%s)", type_name(cls).c_str());
  }
  Type* t = cls.as<Type>();
  int r = issubclass_full(cls, Value(g_ast));
  if (r < 0) return Value();
  if (!r) {
    std::string n = type_name_of(t);
    return raisef(exc::TypeError, "ast.AST.__new__(%s): %s is not a subtype of ast.AST", n.c_str(), n.c_str());
  }
  return alloc_instance(t);
}

const MethodDef kNewDef = {"__new__", ast_new, MethodFlag::kVarArgs | MethodFlag::kKeywords};
const MethodDef kInitDef = {"__init__", ast_init, MethodFlag::kVarArgs | MethodFlag::kKeywords};
const MethodDef kReduceDef = {"__reduce__", ast_reduce, MethodFlag::kNoArgs};

Type* new_class(const char* name, Type* base, Dict* d) {
  dict_set_str(d, intern("__module__"), intern("ast"));
  Value t = type_new(types::type, intern(name), tuple_of({Value(base)}), d, nullptr, nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make ast.%s\n", name);
    std::abort();
  }
  return t.as<Type>();
}

void root(Type** slot) { gc::add_root(reinterpret_cast<void**>(slot)); }

void make_classes() {
  {
    Dict* d = dict_new();
    dict_set_str(d, intern("__doc__"), none());
    dict_set_str(d, intern("_fields"), tuple_empty());
    dict_set_str(d, intern("__match_args__"), tuple_empty());
    dict_set_str(d, intern("_attributes"), tuple_empty());
    g_ast = new_class("AST", types::object, d);
    root(&g_ast);
    Value new_fn = staticmethod_new(new_builtin_function(&kNewDef, Value(), intern("ast")));
    if (!new_fn || !type_setattro(Value(g_ast), intern("__new__"), new_fn) ||
        !type_setattro(Value(g_ast), intern("__init__"), new_method_descriptor(&kInitDef, g_ast)) ||
        !type_setattro(Value(g_ast), intern("__reduce__"), new_method_descriptor(&kReduceDef, g_ast))) {
      std::fprintf(stderr, "pyrite: cannot make ast.AST\n");
      std::abort();
    }
  }
  Value none_v = none();
  // The abstract categories, with the signatures of their constructors.
  for (int c = 0; c < kCategoryCount; c++) {
    if (c == kProductNode) {
      g_category[c] = nullptr;
      continue;
    }
    std::string doc = kCategoryName[c];
    std::string indent(doc.size() + 1, ' ');
    bool first = true;
    for (int k = 0; k < int(ast::Kind::kCount); k++) {
      if (kCategoryOf[k] != c) continue;
      doc += first ? " = " : "\n" + indent + "| ";
      first = false;
      doc += signature(ast::Kind(k));
    }
    Dict* d = dict_new();
    dict_set_str(d, intern("_fields"), tuple_empty());
    dict_set_str(d, intern("__match_args__"), tuple_empty());
    dict_set_str(d, intern("__doc__"), str_from_utf8(doc));
    if (has_attributes_category(Category(c))) {
      dict_set_str(d, intern("_attributes"), attributes_tuple());
      if (c != kPatternNode) {  // pattern's end positions are `int`, not `int?`
        dict_set_str(d, intern("end_lineno"), none_v);
        dict_set_str(d, intern("end_col_offset"), none_v);
      }
    } else {
      dict_set_str(d, intern("_attributes"), tuple_empty());
    }
    g_category[c] = new_class(kCategoryName[c], g_ast, d);
    root(&g_category[c]);
  }
  for (int k = 0; k < int(ast::Kind::kCount); k++) {
    const NodeInfo& n = kNodes[k];
    Category c = kCategoryOf[k];
    std::vector<const char*> names;
    for (const FieldInfo* f = n.fields; f->name; f++) names.push_back(f->name);
    Tuple* fields = tuple_new(int64_t(names.size()));
    for (size_t i = 0; i < names.size(); i++) fields->items()[i] = intern(names[i]);
    Dict* d = dict_new();
    dict_set_str(d, intern("_fields"), fields);
    dict_set_str(d, intern("__match_args__"), fields);
    dict_set_str(d, intern("__doc__"), str_from_utf8(signature(ast::Kind(k))));
    if (c == kProductNode) {
      bool attrs = ast_has_attributes(ast::Kind(k));
      dict_set_str(d, intern("_attributes"), attrs ? attributes_tuple() : tuple_empty());
      if (attrs) {
        dict_set_str(d, intern("end_lineno"), none_v);
        dict_set_str(d, intern("end_col_offset"), none_v);
      }
    }
    for (const FieldInfo* f = n.fields; f->name; f++)
      if (is_optional(ast::Kind(k), *f)) dict_set_str(d, intern(f->name), none_v);
    g_node[k] = new_class(n.name, c == kProductNode ? g_ast : g_category[c], d);
    root(&g_node[k]);
  }
  for (int e = 0; e < kEnumCount; e++) {
    std::string doc = std::string(kEnums[e].name) + " = ";
    for (int v = 0; kEnums[e].values[v]; v++) {
      if (v) doc += " | ";
      doc += kEnums[e].values[v];
    }
    Dict* d = dict_new();
    dict_set_str(d, intern("_fields"), tuple_empty());
    dict_set_str(d, intern("__match_args__"), tuple_empty());
    dict_set_str(d, intern("__doc__"), str_from_utf8(doc));
    dict_set_str(d, intern("_attributes"), tuple_empty());
    g_enum_base[e] = new_class(kEnums[e].name, g_ast, d);
    root(&g_enum_base[e]);
    for (int v = 0; kEnums[e].values[v]; v++) {
      Dict* vd = dict_new();
      dict_set_str(vd, intern("_fields"), tuple_empty());
      dict_set_str(vd, intern("__match_args__"), tuple_empty());
      dict_set_str(vd, intern("__doc__"), intern(kEnums[e].values[v]));
      g_enum[e][v] = new_class(kEnums[e].values[v], g_enum_base[e], vd);
      root(&g_enum[e][v]);
      g_enum_instance[e][v] = alloc_instance(g_enum[e][v]);
      gc::add_root(reinterpret_cast<void**>(&g_enum_instance[e][v]));
    }
  }
}

// ---- C++ AST -> Python objects ------------------------------------------------------

template <class E>
constexpr int enum_index();
template <> constexpr int enum_index<ast::ExprContext>() { return 0; }
template <> constexpr int enum_index<ast::BoolOpKind>() { return 1; }
template <> constexpr int enum_index<ast::Operator>() { return 2; }
template <> constexpr int enum_index<ast::UnaryOpKind>() { return 3; }
template <> constexpr int enum_index<ast::CmpOp>() { return 4; }

Value const_object(const ast::ConstValue& v) {
  switch (v.kind) {
    case ast::ConstKind::None: return none();
    case ast::ConstKind::True: return py_bool(true);
    case ast::ConstKind::False: return py_bool(false);
    case ast::ConstKind::Ellipsis: return singletons::ellipsis;
    case ast::ConstKind::Int: return int_from_i64(v.i);
    case ast::ConstKind::BigInt: return int_from_decimal_digits(v.s);
    case ast::ConstKind::Float: return float_new(v.f);
    case ast::ConstKind::Complex: return complex_new(0.0, v.f);
    case ast::ConstKind::Str: return str_from_utf8(v.s);
    case ast::ConstKind::Bytes: return bytes_from(v.s);
  }
  return none();
}

class ToObject {
 public:
  Value node(const ast::Node* n);

 private:
  template <class T>
  Value list(const ast::List<T>& items) {
    List* l = list_new(items.size);
    for (uint32_t i = 0; i < items.size; i++) {
      Value v = node(items[i]);
      if (!v || !list_append(l, v)) return Value();
    }
    return l;
  }
  Value ident(ast::Ident id) { return ast::is_none(id) ? none() : Value(intern(id)); }
  Value ident_list(const ast::Seq<ast::Ident>& ids) {
    List* l = list_new(ids.size);
    for (uint32_t i = 0; i < ids.size; i++)
      if (!list_append(l, intern(ids[i]))) return Value();
    return l;
  }
  template <class E>
  Value enumeration(E v) {
    return g_enum_instance[enum_index<E>()][int(v)];
  }
  template <class E>
  Value enum_list(const ast::Seq<E>& values) {
    List* l = list_new(values.size);
    for (uint32_t i = 0; i < values.size; i++)
      if (!list_append(l, enumeration(values[i]))) return Value();
    return l;
  }
  Value string(std::string_view s) { return s.data() ? Value(str_from_utf8(s)) : none(); }

  int depth_ = 0;
};

Value ToObject::node(const ast::Node* n) {
  if (!n) return none();
  if (++depth_ > ast::kMaxDumpDepth || base::stack_exhausted()) {
    return raise(exc::RecursionError, "maximum recursion depth exceeded during ast construction");
  }
  Value obj(alloc_instance(g_node[int(n->kind)]));
#define PUT(name, expr)                                    \
  {                                                        \
    static Str* const key = intern(name);                  \
    Value v_ = (expr);                                     \
    if (!v_ || !instance_attr_set(obj, key, v_)) return Value(); \
  }
  switch (n->kind) {
#define AST_NODE(Base, Cpp, pyname) \
  case ast::Kind::Cpp: {            \
    [[maybe_unused]] auto* x = static_cast<const ast::Cpp*>(n);
#define AST_END(Base, Cpp) \
  break;                   \
  }
#define AST_CHILD(Type, name) PUT(#name, node(x->name))
#define AST_OPT(Type, name) PUT(#name, node(x->name))
#define AST_LIST(Type, name) PUT(#name, list(x->name))
#define AST_IDENT(name) PUT(#name, ident(x->name))
#define AST_OPT_IDENT(name) PUT(#name, ident(x->name))
#define AST_IDENT_LIST(name) PUT(#name, ident_list(x->name))
#define AST_ENUM(Enum, name) PUT(#name, enumeration(x->name))
#define AST_ENUM_LIST(Enum, name) PUT(#name, enum_list(x->name))
#define AST_INT(name) PUT(#name, int_from_i64(x->name))
#define AST_CONST(name) PUT(#name, const_object(x->name))
#define AST_OPT_STR(name) PUT(#name, string(x->name))
#define AST_STR(name) PUT(#name, string(x->name))
#define AST_OPT_STR_AS(member, name) PUT(#name, string(x->member))
#include "python/parse/ast.def"
    case ast::Kind::kCount:
      break;
  }
  if (ast_has_attributes(n->kind)) {
    PUT("lineno", int_from_i64(n->lineno))
    PUT("col_offset", int_from_i64(n->col_offset))
    PUT("end_lineno", int_from_i64(n->end_lineno))
    PUT("end_col_offset", int_from_i64(n->end_col_offset))
  }
#undef PUT
  depth_--;
  return obj;
}


}  // namespace

Value ast_to_object(const ast::Node* node) {
  if (!g_ast) make_classes();
  ToObject t;
  return t.node(node);
}

int is_ast_object(Value v) {
  if (!g_ast) return 0;
  return isinstance_full(v, Value(g_ast));
}

Value parse_to_ast_object(std::string_view source, bool source_is_str, std::string_view filename,
                          std::string_view mode, int flags, int feature_version) {
  base::Arena arena;
  parse::SyntaxError error;
  parse::ParseOptions options;
  if (mode == "eval") options.mode = parse::Mode::kEval;
  else if (mode == "single") options.mode = parse::Mode::kSingle;
  else if (mode == "func_type") options.mode = parse::Mode::kFuncType;
  options.source_is_bytes = !source_is_str;
  options.type_comments = (flags & kPyCFTypeComments) != 0;
  if (feature_version >= 0) options.feature_version = feature_version;
  options.int_max_str_digits = int_max_str_digits();
  ast::ModNode* mod = parse::parse(source, filename, options, arena, &error);
  if (!mod) {
    raise_syntax_error(error);
    return Value();
  }
  return ast_to_object(mod);
}

Value compile_ast_object(Value tree, std::string_view filename, std::string_view mode, int optimize) {
  base::Arena arena;
  ast::ModNode* mod = ast_from_object(tree, mode, arena);
  if (!mod || !validate_ast(mod)) return Value();
  parse::SyntaxError error;
  compile::CompileOptions copts;
  copts.optimize = optimize < 0 ? 0 : optimize;
  copts.interactive = mode == "single";
  auto unit = compile::compile_module(mod, filename, arena, &error, copts);
  if (!unit) {
    raise_syntax_error(error);
    return Value();
  }
  Code* c = code_from_unit(*unit);
  return c ? Value(c) : Value();
}

Module* make_ast_module() {
  if (!g_ast) make_classes();
  Module* m = module_new(intern("_ast"));
  dict_set_str(m->dict, intern("AST"), g_ast);
  for (int c = 0; c < kCategoryCount; c++)
    if (g_category[c]) dict_set_str(m->dict, intern(kCategoryName[c]), g_category[c]);
  for (int k = 0; k < int(ast::Kind::kCount); k++) dict_set_str(m->dict, intern(kNodes[k].name), g_node[k]);
  for (int e = 0; e < kEnumCount; e++) {
    dict_set_str(m->dict, intern(kEnums[e].name), g_enum_base[e]);
    for (int v = 0; kEnums[e].values[v]; v++) dict_set_str(m->dict, intern(kEnums[e].values[v]), g_enum[e][v]);
  }
  dict_set_str(m->dict, intern("PyCF_ONLY_AST"), int_from_i64(kPyCFOnlyAst));
  dict_set_str(m->dict, intern("PyCF_TYPE_COMMENTS"), int_from_i64(kPyCFTypeComments));
  dict_set_str(m->dict, intern("PyCF_ALLOW_TOP_LEVEL_AWAIT"), int_from_i64(kPyCFAllowTopLevelAwait));
  return m;
}

}  // namespace pyrite::python
