// Constant folding of literal expressions, as CPython's AST optimizer does
// (docs/compiler.md, "Constant folding").
//
// Invariants: a fold happens only when the result is exactly what the
// operation would produce at run time, and is small: integer results past
// 128 bits from * ** <<, strings past 4096 characters, tuples past 256
// items are left to run time (CPython's limits), and anything that would
// raise (division by zero, negative shift, overflow) is left to raise then.
#include <gmp.h>

#include <cmath>
#include <cstring>
#include <string>

#include "python/compile/codegen.h"

namespace pyrite::python::compile {

using namespace ast;

namespace {

constexpr size_t kMaxIntBits = 128;
constexpr size_t kMaxCollectionSize = 256;
constexpr size_t kMaxStrSize = 4096;
constexpr size_t kMaxTotalItems = 1024;

// An owning mpz_t.
struct Big {
  mpz_t v;
  Big() { mpz_init(v); }
  ~Big() { mpz_clear(v); }
  Big(const Big&) = delete;
  Big& operator=(const Big&) = delete;
};

bool is_int_like(const ConstValue& c) {
  return c.kind == ConstKind::Int || c.kind == ConstKind::BigInt || c.kind == ConstKind::True ||
         c.kind == ConstKind::False;
}

void to_big(const ConstValue& c, Big* out) {
  switch (c.kind) {
    case ConstKind::Int: mpz_set_si(out->v, c.i); break;
    case ConstKind::True: mpz_set_si(out->v, 1); break;
    case ConstKind::False: mpz_set_si(out->v, 0); break;
    case ConstKind::BigInt: mpz_set_str(out->v, std::string(c.s).c_str(), 10); break;
    default: PYR_UNREACHABLE();
  }
}

ConstValue from_big(const Big& b, base::Arena& arena) {
  ConstValue c;
  if (mpz_fits_slong_p(b.v)) {
    c.kind = ConstKind::Int;
    c.i = mpz_get_si(b.v);
    return c;
  }
  c.kind = ConstKind::BigInt;
  size_t size = mpz_sizeinbase(b.v, 10) + 2;
  std::string buf(size, '\0');
  mpz_get_str(buf.data(), 10, b.v);
  buf.resize(std::strlen(buf.c_str()));
  c.s = arena.copy(buf);
  return c;
}

// The int as an exact double, if it is one.
bool int_to_double(const ConstValue& c, double* out) {
  Big b;
  to_big(c, &b);
  if (mpz_sizeinbase(b.v, 2) > 53) return false;
  *out = mpz_get_d(b.v);
  return true;
}

bool to_double(const ConstValue& c, double* out) {
  if (c.kind == ConstKind::Float) {
    *out = c.f;
    return true;
  }
  if (is_int_like(c)) return int_to_double(c, out);
  return false;
}

ConstValue make_float(double d) {
  ConstValue c;
  c.kind = ConstKind::Float;
  c.f = d;
  return c;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// Python's float % and // (the result of % has the sign of the divisor).
void float_divmod(double a, double b, double* div, double* mod) {
  double m = std::fmod(a, b);
  double d = (a - m) / b;
  if (m != 0) {
    if ((b < 0) != (m < 0)) {
      m += b;
      d -= 1.0;
    }
  } else {
    m = std::copysign(0.0, b);
  }
  double floordiv;
  if (d != 0) {
    floordiv = std::floor(d);
    if (d - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);
  }
  *div = floordiv;
  *mod = m;
}

bool fold_float_op(Operator op, double a, double b, ConstValue* out) {
  double r;
  switch (op) {
    case Operator::Add: r = a + b; break;
    case Operator::Sub: r = a - b; break;
    case Operator::Mult: r = a * b; break;
    case Operator::Div:
      if (b == 0) return false;
      r = a / b;
      break;
    case Operator::FloorDiv:
    case Operator::Mod: {
      if (b == 0) return false;
      double d, m;
      float_divmod(a, b, &d, &m);
      r = op == Operator::FloorDiv ? d : m;
      break;
    }
    case Operator::Pow:
      if (a == 0 && b < 0) return false;                     // ZeroDivisionError
      if (a < 0 && std::floor(b) != b) return false;          // a complex result
      r = std::pow(a, b);
      if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) return false;  // OverflowError
      break;
    default:
      return false;
  }
  // + - * / overflow to inf silently; // and % would raise at run time.
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b) && (op == Operator::FloorDiv || op == Operator::Mod))
    return false;
  *out = make_float(r);
  return true;
}

bool fold_int_op(Operator op, const ConstValue& x, const ConstValue& y, base::Arena& arena, ConstValue* out) {
  // bool & | ^ bool stays a bool (bool's own operators).
  bool x_bool = x.kind == ConstKind::True || x.kind == ConstKind::False;
  bool y_bool = y.kind == ConstKind::True || y.kind == ConstKind::False;
  if (x_bool && y_bool && (op == Operator::BitAnd || op == Operator::BitOr || op == Operator::BitXor)) {
    bool p = x.kind == ConstKind::True, q = y.kind == ConstKind::True;
    bool r = op == Operator::BitAnd ? (p && q) : op == Operator::BitOr ? (p || q) : (p != q);
    *out = ConstValue{};
    out->kind = r ? ConstKind::True : ConstKind::False;
    return true;
  }
  Big a, b, r;
  to_big(x, &a);
  to_big(y, &b);
  bool a_zero = mpz_sgn(a.v) == 0, b_zero = mpz_sgn(b.v) == 0;
  switch (op) {
    case Operator::Add: mpz_add(r.v, a.v, b.v); break;
    case Operator::Sub: mpz_sub(r.v, a.v, b.v); break;
    case Operator::Mult:
      if (!a_zero && !b_zero && mpz_sizeinbase(a.v, 2) + mpz_sizeinbase(b.v, 2) > kMaxIntBits) return false;
      mpz_mul(r.v, a.v, b.v);
      break;
    case Operator::FloorDiv:
      if (b_zero) return false;
      mpz_fdiv_q(r.v, a.v, b.v);
      break;
    case Operator::Mod:
      if (b_zero) return false;
      mpz_fdiv_r(r.v, a.v, b.v);
      break;
    case Operator::Div: {
      double da, db;
      if (b_zero || !int_to_double(x, &da) || !int_to_double(y, &db)) return false;
      *out = make_float(da / db);
      return true;
    }
    case Operator::Pow: {
      if (mpz_sgn(b.v) < 0) {
        double da, db;
        if (a_zero || !int_to_double(x, &da) || !int_to_double(y, &db)) return false;
        return fold_float_op(Operator::Pow, da, db, out);
      }
      if (!mpz_fits_ulong_p(b.v)) return false;
      unsigned long e = mpz_get_ui(b.v);
      if (!a_zero && e > 0 && mpz_sizeinbase(a.v, 2) > kMaxIntBits / e) return false;
      mpz_pow_ui(r.v, a.v, e);
      break;
    }
    case Operator::LShift: {
      if (mpz_sgn(b.v) < 0) return false;  // ValueError
      if (!a_zero && !b_zero) {
        if (!mpz_fits_ulong_p(b.v) || mpz_get_ui(b.v) > kMaxIntBits) return false;
        if (mpz_sizeinbase(a.v, 2) > kMaxIntBits - mpz_get_ui(b.v)) return false;
      }
      mpz_mul_2exp(r.v, a.v, a_zero ? 0 : mpz_get_ui(b.v));
      break;
    }
    case Operator::RShift: {
      if (mpz_sgn(b.v) < 0) return false;
      if (!mpz_fits_ulong_p(b.v)) {
        mpz_set_si(r.v, mpz_sgn(a.v) < 0 ? -1 : 0);
        break;
      }
      mpz_fdiv_q_2exp(r.v, a.v, mpz_get_ui(b.v));
      break;
    }
    case Operator::BitAnd: mpz_and(r.v, a.v, b.v); break;
    case Operator::BitOr: mpz_ior(r.v, a.v, b.v); break;
    case Operator::BitXor: mpz_xor(r.v, a.v, b.v); break;
    default:
      return false;
  }
  *out = from_big(r, arena);
  return true;
}

// Repeats a str/bytes constant `n` times, within CPython's limits.
bool repeat_string(const ConstValue& s, const ConstValue& count, base::Arena& arena, ConstValue* out) {
  if (count.kind == ConstKind::BigInt) return false;
  int64_t n = count.kind == ConstKind::Int ? count.i : count.kind == ConstKind::True ? 1 : 0;
  size_t size = s.kind == ConstKind::Str ? code_points(s.s) : s.s.size();
  if (size && (n < 0 || static_cast<size_t>(n) > kMaxStrSize / size)) return false;
  if (n < 0) n = 0;
  std::string r;
  r.reserve(s.s.size() * n);
  for (int64_t i = 0; i < n; i++) r.append(s.s);
  *out = s;
  out->s = arena.copy(r);
  return true;
}

size_t total_items(const Constant& c) {
  size_t n = c.items.size();
  for (const Constant& x : c.items)
    if (x.kind == Constant::Kind::kTuple || x.kind == Constant::Kind::kFrozenSet) n += total_items(x);
  return n;
}

bool truth(const ConstValue& v) {
  switch (v.kind) {
    case ConstKind::None: case ConstKind::False: return false;
    case ConstKind::True: case ConstKind::Ellipsis: return true;
    case ConstKind::Int: return v.i != 0;
    case ConstKind::BigInt: return true;
    case ConstKind::Float: case ConstKind::Complex: return v.f != 0;
    case ConstKind::Str: case ConstKind::Bytes: return !v.s.empty();
  }
  return true;
}

}  // namespace

bool Compiler::fold_unary(UnaryOpKind op, const Constant& a, Constant* out) {
  if (a.kind == Constant::Kind::kTuple) {
    if (op != UnaryOpKind::Not) return false;
    ConstValue v;
    v.kind = a.items.empty() ? ConstKind::True : ConstKind::False;
    *out = Constant::of(v);
    return true;
  }
  if (a.kind != Constant::Kind::kValue) return false;
  const ConstValue& v = a.value;
  if (op == UnaryOpKind::Not) {
    ConstValue r;
    bool t = v.kind == ConstKind::Complex ? (v.f != 0 || a.real != 0) : truth(v);
    r.kind = t ? ConstKind::False : ConstKind::True;
    *out = Constant::of(r);
    return true;
  }
  if (is_int_like(v)) {
    Big b, r;
    to_big(v, &b);
    switch (op) {
      case UnaryOpKind::USub: mpz_neg(r.v, b.v); break;
      case UnaryOpKind::UAdd: mpz_set(r.v, b.v); break;
      case UnaryOpKind::Invert: mpz_com(r.v, b.v); break;
      default: return false;
    }
    *out = Constant::of(from_big(r, arena_));
    return true;
  }
  if (v.kind == ConstKind::Complex) {
    if (op == UnaryOpKind::Invert) return false;
    *out = a;
    if (op == UnaryOpKind::USub) {
      out->value.f = -v.f;
      out->real = -a.real;
    }
    return true;
  }
  if (v.kind == ConstKind::Float) {
    if (op == UnaryOpKind::USub) *out = Constant::of(make_float(-v.f));
    else if (op == UnaryOpKind::UAdd) *out = Constant::of(v);
    else return false;
    return true;
  }
  return false;
}

bool Compiler::fold_binop(Operator op, const Constant& a, const Constant& b, Constant* out) {
  // Tuples: concatenation and repetition.
  if (a.kind == Constant::Kind::kTuple || b.kind == Constant::Kind::kTuple) {
    if (op == Operator::Add && a.kind == Constant::Kind::kTuple && b.kind == Constant::Kind::kTuple) {
      *out = a;
      out->items.insert(out->items.end(), b.items.begin(), b.items.end());
      return true;
    }
    if (op == Operator::Mult) {
      const Constant& t = a.kind == Constant::Kind::kTuple ? a : b;
      const Constant& n = a.kind == Constant::Kind::kTuple ? b : a;
      if (n.kind != Constant::Kind::kValue || !is_int_like(n.value) || n.value.kind == ConstKind::BigInt) return false;
      int64_t count = n.value.kind == ConstKind::Int ? n.value.i : n.value.kind == ConstKind::True;
      size_t size = t.items.size();
      if (size) {
        if (count < 0 || static_cast<size_t>(count) > kMaxCollectionSize / size) return false;
        if (count && total_items(t) > kMaxTotalItems / count) return false;
      }
      Constant r;
      r.kind = Constant::Kind::kTuple;
      for (int64_t i = 0; i < count; i++) r.items.insert(r.items.end(), t.items.begin(), t.items.end());
      *out = std::move(r);
      return true;
    }
    return false;
  }
  if (a.kind != Constant::Kind::kValue || b.kind != Constant::Kind::kValue) return false;
  const ConstValue& x = a.value;
  const ConstValue& y = b.value;
  ConstValue r;
  // Strings and bytes.
  bool xs = x.kind == ConstKind::Str || x.kind == ConstKind::Bytes;
  bool ys = y.kind == ConstKind::Str || y.kind == ConstKind::Bytes;
  if (xs || ys) {
    if (op == Operator::Add && xs && ys && x.kind == y.kind) {
      r = x;
      r.s = arena_.copy(std::string(x.s) + std::string(y.s));
      *out = Constant::of(r);
      return true;
    }
    if (op == Operator::Mult) {
      if (xs && is_int_like(y)) return repeat_string(x, y, arena_, &r) && (*out = Constant::of(r), true);
      if (ys && is_int_like(x)) return repeat_string(y, x, arena_, &r) && (*out = Constant::of(r), true);
    }
    return false;  // % formatting and the rest stay at run time
  }
  if (x.kind == ConstKind::Complex || y.kind == ConstKind::Complex) {
    // + - * only; the rest (division by zero, pow) stays at run time.
    double ar, ai, br, bi;
    auto parts = [](const Constant& k, double* re, double* im) {
      if (k.value.kind == ConstKind::Complex) {
        *re = k.real;
        *im = k.value.f;
        return true;
      }
      *im = 0;
      return to_double(k.value, re);
    };
    if (!parts(a, &ar, &ai) || !parts(b, &br, &bi)) return false;
    double re, im;
    switch (op) {
      case Operator::Add: re = ar + br, im = ai + bi; break;
      case Operator::Sub: re = ar - br, im = ai - bi; break;
      case Operator::Mult: re = ar * br - ai * bi, im = ar * bi + ai * br; break;
      default: return false;
    }
    Constant c;
    c.value.kind = ConstKind::Complex;
    c.value.f = im;
    c.real = re;
    *out = c;
    return true;
  }
  if (is_int_like(x) && is_int_like(y)) {
    if (!fold_int_op(op, x, y, arena_, &r)) return false;
    *out = Constant::of(r);
    return true;
  }
  if ((x.kind == ConstKind::Float || is_int_like(x)) && (y.kind == ConstKind::Float || is_int_like(y))) {
    double da, db;
    if (!to_double(x, &da) || !to_double(y, &db)) return false;
    if (!fold_float_op(op, da, db, &r)) return false;
    *out = Constant::of(r);
    return true;
  }
  return false;
}

bool Compiler::fold_set_display(ExprNode* e, Constant* out) {
  auto* set = as<Set>(e);
  if (!set) return false;
  Constant r;
  r.kind = Constant::Kind::kFrozenSet;
  for (ExprNode* x : set->elts) {
    Constant c;
    if (is<Starred>(x) || !fold(x, &c)) return false;
    bool dup = false;
    for (const Constant& y : r.items) dup |= same_constant(y, c);
    if (!dup) r.items.push_back(std::move(c));
  }
  *out = std::move(r);
  return true;
}

bool Compiler::fold(ExprNode* e, Constant* out) {
  if (not_foldable_.count(e)) return false;
  bool ok = false;
  switch (e->kind) {
    case Kind::Constant:
      *out = Constant::of(static_cast<ast::Constant*>(e)->value);
      return true;
    case Kind::Name: {
      auto* n = static_cast<Name*>(e);
      if (n->id == "__debug__" && n->ctx == ExprContext::Load) {
        ConstValue v;
        v.kind = options_.optimize ? ConstKind::False : ConstKind::True;
        *out = Constant::of(v);
        return true;
      }
      return false;
    }
    case Kind::UnaryOp: {
      auto* un = static_cast<UnaryOp*>(e);
      Constant a;
      ok = fold(un->operand, &a) && fold_unary(un->op, a, out);
      break;
    }
    case Kind::BinOp: {
      auto* b = static_cast<BinOp*>(e);
      Constant l, r;
      ok = fold(b->left, &l) && fold(b->right, &r) && fold_binop(b->op, l, r, out);
      break;
    }
    case Kind::Tuple: {
      auto* t = static_cast<Tuple*>(e);
      if (t->ctx != ExprContext::Load) return false;
      Constant r;
      r.kind = Constant::Kind::kTuple;
      ok = true;
      for (ExprNode* x : t->elts) {
        Constant c;
        if (is<Starred>(x) || !fold(x, &c)) {
          ok = false;
          break;
        }
        r.items.push_back(std::move(c));
      }
      if (ok) *out = std::move(r);
      break;
    }
    case Kind::Subscript: {
      // "abc"[1] and (1, 2)[0] with an int index.
      auto* s = static_cast<Subscript*>(e);
      if (s->ctx != ExprContext::Load) return false;
      Constant v, i;
      if (!fold(s->value, &v) || !fold(s->slice, &i)) break;
      if (i.kind != Constant::Kind::kValue || i.value.kind != ConstKind::Int) break;
      int64_t idx = i.value.i;
      if (v.kind == Constant::Kind::kTuple) {
        int64_t n = static_cast<int64_t>(v.items.size());
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) break;
        *out = v.items[idx];
        ok = true;
      } else if (v.kind == Constant::Kind::kValue && v.value.kind == ConstKind::Bytes) {
        int64_t n = static_cast<int64_t>(v.value.s.size());
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) break;
        ConstValue r;
        r.kind = ConstKind::Int;
        r.i = static_cast<unsigned char>(v.value.s[idx]);
        *out = Constant::of(r);
        ok = true;
      } else if (v.kind == Constant::Kind::kValue && v.value.kind == ConstKind::Str) {
        // Index by code point; the result is one character.
        std::string_view s8 = v.value.s;
        int64_t n = static_cast<int64_t>(code_points(s8));
        if (idx < 0) idx += n;
        if (idx < 0 || idx >= n) break;
        size_t pos = 0;
        for (int64_t k = 0; pos < s8.size(); pos++) {
          if ((static_cast<unsigned char>(s8[pos]) & 0xC0) == 0x80) continue;
          if (k++ == idx) break;
        }
        size_t end = pos + 1;
        while (end < s8.size() && (static_cast<unsigned char>(s8[end]) & 0xC0) == 0x80) end++;
        ConstValue r = v.value;
        r.s = s8.substr(pos, end - pos);
        *out = Constant::of(r);
        ok = true;
      }
      break;
    }
    default:
      return false;
  }
  if (!ok) not_foldable_.insert(e);
  return ok;
}

}  // namespace pyrite::python::compile

namespace pyrite::python::compile {

using namespace ast;

namespace {

// One `%[flags][width][.precision]spec` at `*pos` (just after the '%'), as
// CPython's AST optimizer reads it: at most 2 digits each.
bool simple_format_arg(std::string_view fmt, size_t* pos, char* spec, bool* ljust, int* width, int* prec) {
  size_t p = *pos;
  auto next = [&](char* ch) {
    if (p >= fmt.size()) return false;
    *ch = fmt[p++];
    return true;
  };
  char ch;
  *ljust = false;
  for (;;) {
    if (!next(&ch)) return false;
    if (ch == '-') *ljust = true;
    else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
    else break;
  }
  constexpr int kMaxDigits = 3;
  if (ch >= '0' && ch <= '9') {
    *width = 0;
    int digits = 0;
    while (ch >= '0' && ch <= '9') {
      *width = *width * 10 + (ch - '0');
      if (!next(&ch) || ++digits >= kMaxDigits) return false;
    }
  }
  if (ch == '.') {
    if (!next(&ch)) return false;
    *prec = 0;
    int digits = 0;
    while (ch >= '0' && ch <= '9') {
      *prec = *prec * 10 + (ch - '0');
      if (!next(&ch) || ++digits >= kMaxDigits) return false;
    }
  }
  *spec = ch;
  *pos = p;
  return true;
}

}  // namespace

// 'a%sb%r' % (x, y)  ->  f'a{x!s}b{y!r}', as CPython 3.11 does, when the
// format has only %s/%r/%a (with width/precision) and as many as the tuple.
ExprNode* Compiler::optimize_format(BinOp* e) {
  if (e->op != Operator::Mod) return nullptr;
  auto* args = as<Tuple>(e->right);
  Constant lhs;
  if (!args || !fold(e->left, &lhs) || lhs.kind != Constant::Kind::kValue || lhs.value.kind != ConstKind::Str)
    return nullptr;
  for (ExprNode* a : args->elts)
    if (is<Starred>(a)) return nullptr;
  std::string_view fmt = lhs.value.s;
  std::vector<ExprNode*> parts;
  size_t pos = 0;
  uint32_t used = 0;
  auto constant = [&](std::string_view text) {
    auto* c = make<ast::Constant>(arena_, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    c->value.kind = ConstKind::Str;
    c->value.s = arena_.copy(text);
    return c;
  };
  for (;;) {
    // The literal up to the next lone '%', with '%%' made '%'.
    std::string lit;
    while (pos < fmt.size()) {
      if (fmt[pos] != '%') lit += fmt[pos++];
      else if (pos + 1 < fmt.size() && fmt[pos + 1] == '%') lit += '%', pos += 2;
      else break;
    }
    if (!lit.empty()) parts.push_back(constant(lit));
    if (pos >= fmt.size()) break;
    if (used >= args->elts.size) return nullptr;
    pos++;
    char spec;
    bool ljust;
    int width = -1, prec = -1;
    if (!simple_format_arg(fmt, &pos, &spec, &ljust, &width, &prec)) return nullptr;
    if (spec != 's' && spec != 'r' && spec != 'a') return nullptr;
    ExprNode* arg = args->elts[used++];
    auto* fv = make<FormattedValue>(arena_, arg->lineno, arg->col_offset, arg->end_lineno, arg->end_col_offset);
    fv->value = arg;
    fv->conversion = spec;
    std::string spec_text;
    if (!ljust && width > 0) spec_text += '>';
    if (width >= 0) spec_text += std::to_string(width);
    if (prec >= 0) spec_text += "." + std::to_string(prec);
    if (!spec_text.empty()) fv->format_spec = constant(spec_text);
    parts.push_back(fv);
  }
  if (used < args->elts.size) return nullptr;
  auto* j = make<JoinedStr>(arena_, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
  j->values.items = arena_.make_array<ExprNode*>(parts.size());
  j->values.size = static_cast<uint32_t>(parts.size());
  for (size_t i = 0; i < parts.size(); i++) j->values.items[i] = parts[i];
  return j;
}

}  // namespace pyrite::python::compile
