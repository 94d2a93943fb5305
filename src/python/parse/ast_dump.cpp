// ast.dump() and the repr() of constants it prints (docs/frontend.md).
//
// The output must equal CPython 3.11's `ast.dump(node)` byte for byte, so
// this follows its rules: every field is printed as `name=value`, except an
// optional field whose value is None, which is left out; lists are always
// printed; operator enums print as `Add()`.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "base/stack.h"
#include "python/parse/ast.h"
#include "python/parse/unicode_text.h"

namespace pyrite::python::ast {

namespace unicode = parse::unicode;

// ---- names -------------------------------------------------------------------

#define AST_ENUM_BEGIN(Enum, pyname) \
  const char* enum_name(Enum v) {    \
    switch (v) {
#define AST_ENUM_VALUE(Enum, Value) \
  case Enum::Value:                 \
    return #Value;
#define AST_ENUM_END(Enum) \
  }                        \
  return "?";              \
  }
#include "python/parse/ast.def"

const char* kind_name(Kind k) {
  switch (k) {
#define AST_NODE(Base, Cpp, pyname) \
  case Kind::Cpp:                   \
    return #pyname;
#include "python/parse/ast.def"
    case Kind::kCount:
      break;
  }
  return "?";
}

// ---- constant reprs ------------------------------------------------------------

namespace {

// Shortest round-trip digits of a finite, non-negative `d` and the position
// of the decimal point relative to them: d = 0.D * 10**decpt.
void shortest_digits(double d, std::string* digits, int* decpt) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view s(buf, res.ptr - buf);
  size_t e = s.find('e');
  digits->clear();
  for (size_t i = 0; i < e; i++)
    if (s[i] != '.') digits->push_back(s[i]);
  int exp = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
  *decpt = exp + 1;
}

// Python's float formatting for repr ('r' mode): fixed notation when the
// decimal point falls within -4 < decpt <= 16, else exponent notation.
// `add_dot_0` gives "1.0" rather than "1" (float repr vs complex parts).
std::string format_repr(double d, bool add_dot_0) {
  if (std::isnan(d)) return "nan";
  std::string out;
  if (std::signbit(d)) {
    out = "-";
    d = -d;
  }
  if (std::isinf(d)) return out + "inf";
  std::string digits;
  int decpt;
  shortest_digits(d, &digits, &decpt);
  if (d == 0) {
    digits = "0";
    decpt = 1;
  }
  int n = static_cast<int>(digits.size());
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(-decpt, '0');
      out += digits;
    } else if (decpt >= n) {
      out += digits;
      out.append(decpt - n, '0');
      if (add_dot_0) out += ".0";
    } else {
      out.append(digits, 0, decpt);
      out += '.';
      out.append(digits, decpt);
    }
  } else {
    out += digits[0];
    if (n > 1) {
      out += '.';
      out.append(digits, 1);
    }
    int exp = decpt - 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += buf;
  }
  return out;
}

char choose_quote(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  return has_single && !has_double ? '"' : '\'';
}

}  // namespace

std::string repr_float(double d) { return format_repr(d, true); }

std::string repr_str(std::string_view s) {
  char quote = choose_quote(s);
  std::string out(1, quote);
  size_t i = 0;
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    uint32_t c;
    i += unicode::decode_one(p + i, p + s.size(), &c);
    char buf[16];
    if (c == static_cast<uint32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c < 0x7F) {
      out += static_cast<char>(c);
    } else if (unicode::is_printable(c)) {
      unicode::append_utf8(&out, c);
    } else {
      if (c <= 0xFF)
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c <= 0xFFFF)
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
      else
        std::snprintf(buf, sizeof buf, "\\U%08x", c);
      out += buf;
    }
  }
  out += quote;
  return out;
}

std::string repr_bytes(std::string_view s) {
  char quote = choose_quote(s);
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string repr_constant(const ConstValue& v) {
  switch (v.kind) {
    case ConstKind::None:
      return "None";
    case ConstKind::True:
      return "True";
    case ConstKind::False:
      return "False";
    case ConstKind::Ellipsis:
      return "Ellipsis";
    case ConstKind::Int:
      return std::to_string(v.i);
    case ConstKind::BigInt:
      return std::string(v.s);
    case ConstKind::Float:
      return repr_float(v.f);
    case ConstKind::Complex:
      return format_repr(v.f, false) + "j";
    case ConstKind::Str:
      return repr_str(v.s);
    case ConstKind::Bytes:
      return repr_bytes(v.s);
  }
  return "?";
}

// ---- the dumper ------------------------------------------------------------------

namespace {

class Dumper {
 public:
  explicit Dumper(bool include_attributes) : include_attributes_(include_attributes) {}

  void node(const Node* n);
  std::string take() { return std::move(out_); }
  bool too_deep() const { return too_deep_; }

 private:
  // Starts the next `name=value` pair.
  void key(const char* name) {
    if (!first_) out_ += ", ";
    first_ = false;
    out_ += name;
    out_ += '=';
  }

  void child(const char* name, const Node* n) {
    key(name);
    node(n);
  }
  void optional(const char* name, const Node* n) {
    if (n) child(name, n);
  }
  template <class T>
  void list(const char* name, const List<T>& items) {
    key(name);
    out_ += '[';
    for (uint32_t i = 0; i < items.size; i++) {
      if (i) out_ += ", ";
      if (items[i])
        node(items[i]);
      else
        out_ += "None";
    }
    out_ += ']';
  }
  void ident(const char* name, Ident id) {
    key(name);
    out_ += repr_str(id);
  }
  void optional_ident(const char* name, Ident id) {
    if (!is_none(id)) ident(name, id);
  }
  void ident_list(const char* name, const Seq<Ident>& ids) {
    key(name);
    out_ += '[';
    for (uint32_t i = 0; i < ids.size; i++) {
      if (i) out_ += ", ";
      out_ += repr_str(ids[i]);
    }
    out_ += ']';
  }
  template <class E>
  void enumeration(const char* name, E value) {
    key(name);
    out_ += enum_name(value);
    out_ += "()";
  }
  template <class E>
  void enum_list(const char* name, const Seq<E>& values) {
    key(name);
    out_ += '[';
    for (uint32_t i = 0; i < values.size; i++) {
      if (i) out_ += ", ";
      out_ += enum_name(values[i]);
      out_ += "()";
    }
    out_ += ']';
  }
  void integer(const char* name, int32_t v) {
    key(name);
    out_ += std::to_string(v);
  }
  void constant(const char* name, const ConstValue& v) {
    key(name);
    out_ += repr_constant(v);
  }
  void optional_string(const char* name, std::string_view s) {
    if (s.data()) string(name, s);
  }
  void string(const char* name, std::string_view s) {
    key(name);
    out_ += repr_str(s);
  }

  void attributes(const Node* n);

  bool include_attributes_;
  bool first_ = true;
  int depth_ = 0;
  bool too_deep_ = false;
  std::string out_;
};

// Nodes whose Python class has _attributes (positions): every sum type but
// mod and type_ignore, plus arg, keyword and alias.
bool has_attributes(Kind k) {
  switch (k) {
    case Kind::Module:
    case Kind::Interactive:
    case Kind::Expression:
    case Kind::FunctionType:
    case Kind::TypeIgnore:
    case Kind::Comprehension:
    case Kind::Arguments:
    case Kind::WithItem:
    case Kind::MatchCase:
      return false;
    default:
      return true;
  }
}

void Dumper::attributes(const Node* n) {
  if (!include_attributes_ || !has_attributes(n->kind)) return;
  integer("lineno", n->lineno);
  integer("col_offset", n->col_offset);
  integer("end_lineno", n->end_lineno);
  integer("end_col_offset", n->end_col_offset);
}

void Dumper::node(const Node* n) {
  if (too_deep_) return;
  if (++depth_ > kMaxDumpDepth || base::stack_exhausted()) {
    too_deep_ = true;
    return;
  }
  bool saved_first = first_;
  first_ = true;
  out_ += kind_name(n->kind);
  out_ += '(';
  switch (n->kind) {
#define AST_NODE(Base, Cpp, pyname)                    \
  case Kind::Cpp: {                                    \
    [[maybe_unused]] auto* x = static_cast<const Cpp*>(n);
#define AST_END(Base, Cpp) \
  break;                   \
  }
#define AST_CHILD(Type, name) child(#name, x->name);
#define AST_OPT(Type, name) optional(#name, x->name);
#define AST_LIST(Type, name) list(#name, x->name);
#define AST_IDENT(name) ident(#name, x->name);
#define AST_OPT_IDENT(name) optional_ident(#name, x->name);
#define AST_IDENT_LIST(name) ident_list(#name, x->name);
#define AST_ENUM(Enum, name) enumeration(#name, x->name);
#define AST_ENUM_LIST(Enum, name) enum_list(#name, x->name);
#define AST_INT(name) integer(#name, x->name);
#define AST_CONST(name) constant(#name, x->name);
#define AST_OPT_STR(name) optional_string(#name, x->name);
#define AST_STR(name) string(#name, x->name);
#define AST_OPT_STR_AS(member, name) optional_string(#name, x->member);
#include "python/parse/ast.def"
    case Kind::kCount:
      break;
  }
  attributes(n);
  out_ += ')';
  first_ = saved_first;
  depth_--;
}

}  // namespace

std::string dump(const Node* node, bool include_attributes, bool* too_deep) {
  if (!node) return "None";
  Dumper d(include_attributes);
  d.node(node);
  if (too_deep) *too_deep = d.too_deep();
  return d.take();
}

}  // namespace pyrite::python::ast
