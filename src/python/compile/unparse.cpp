// Annotations as source text, for `from __future__ import annotations`
// (docs/compiler.md, "Annotations"). Follows the precedence rules of
// CPython's ast unparser so that the strings read the same.
#include <string>

#include "python/compile/codegen.h"

namespace pyrite::python::compile {

using namespace ast;

namespace {

// Precedence levels, lowest first.
enum Prec { kTuple, kTest, kOr, kAnd, kNot, kCmp, kBor, kBxor, kBand, kShift, kArith, kTerm, kFactor, kPower, kAwait, kAtom };

int binop_prec(Operator op) {
  switch (op) {
    case Operator::BitOr: return kBor;
    case Operator::BitXor: return kBxor;
    case Operator::BitAnd: return kBand;
    case Operator::LShift: case Operator::RShift: return kShift;
    case Operator::Add: case Operator::Sub: return kArith;
    case Operator::Pow: return kPower;
    default: return kTerm;
  }
}

const char* binop_str(Operator op) {
  static const char* const k[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};
  return k[static_cast<int>(op)];
}

const char* cmp_str(CmpOp op) {
  static const char* const k[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return k[static_cast<int>(op)];
}

void unparse(const ExprNode* e, int prec, std::string& out);

void unparse_list(const List<ExprNode>& l, std::string& out) {
  for (uint32_t i = 0; i < l.size; i++) {
    if (i) out += ", ";
    unparse(l[i], kTest, out);
  }
}

void unparse(const ExprNode* e, int prec, std::string& out) {
  switch (e->kind) {
    case Kind::Name:
      out += static_cast<const Name*>(e)->id;
      return;
    case Kind::Constant: {
      const ConstValue& v = static_cast<const ast::Constant*>(e)->value;
      if (v.kind == ConstKind::Ellipsis) out += "...";
      else out += repr_constant(v);
      return;
    }
    case Kind::Attribute: {
      auto* a = static_cast<const Attribute*>(e);
      unparse(a->value, kAtom, out);
      if (auto* c = as<ast::Constant>(a->value); c && c->value.kind == ConstKind::Int) out += " ";
      out += ".";
      out += a->attr;
      return;
    }
    case Kind::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      unparse(s->value, kAtom, out);
      out += "[";
      if (auto* t = as<Tuple>(s->slice); t && !t->elts.empty()) {
        unparse_list(t->elts, out);
        if (t->elts.size == 1) out += ",";
      } else {
        unparse(s->slice, kTuple, out);
      }
      out += "]";
      return;
    }
    case Kind::Starred:
      out += "*";
      unparse(static_cast<const Starred*>(e)->value, kBor, out);
      return;
    case Kind::Tuple: {
      auto* t = static_cast<const Tuple*>(e);
      bool paren = prec > kTuple || t->elts.empty();
      if (paren) out += "(";
      unparse_list(t->elts, out);
      if (t->elts.size == 1) out += ",";
      if (paren) out += ")";
      return;
    }
    case Kind::ListExpr:
      out += "[";
      unparse_list(static_cast<const ast::ListExpr*>(e)->elts, out);
      out += "]";
      return;
    case Kind::Set:
      out += "{";
      unparse_list(static_cast<const Set*>(e)->elts, out);
      out += "}";
      return;
    case Kind::Dict: {
      auto* d = static_cast<const Dict*>(e);
      out += "{";
      for (uint32_t i = 0; i < d->keys.size; i++) {
        if (i) out += ", ";
        if (d->keys[i]) {
          unparse(d->keys[i], kTest, out);
          out += ": ";
          unparse(d->values[i], kTest, out);
        } else {
          out += "**";
          unparse(d->values[i], kBor, out);
        }
      }
      out += "}";
      return;
    }
    case Kind::BinOp: {
      auto* b = static_cast<const BinOp*>(e);
      int p = binop_prec(b->op);
      bool right_assoc = b->op == Operator::Pow;
      if (prec > p) out += "(";
      unparse(b->left, right_assoc ? p + 1 : p, out);
      out += " ";
      out += binop_str(b->op);
      out += " ";
      unparse(b->right, right_assoc ? p : p + 1, out);
      if (prec > p) out += ")";
      return;
    }
    case Kind::UnaryOp: {
      auto* un = static_cast<const UnaryOp*>(e);
      int p = un->op == UnaryOpKind::Not ? kNot : kFactor;
      if (prec > p) out += "(";
      static const char* const k[] = {"~", "not ", "+", "-"};
      out += k[static_cast<int>(un->op)];
      unparse(un->operand, p, out);
      if (prec > p) out += ")";
      return;
    }
    case Kind::BoolOp: {
      auto* b = static_cast<const BoolOp*>(e);
      int p = b->op == BoolOpKind::And ? kAnd : kOr;
      if (prec > p) out += "(";
      for (uint32_t i = 0; i < b->values.size; i++) {
        if (i) out += b->op == BoolOpKind::And ? " and " : " or ";
        unparse(b->values[i], p + 1, out);
      }
      if (prec > p) out += ")";
      return;
    }
    case Kind::Compare: {
      auto* c = static_cast<const Compare*>(e);
      if (prec > kCmp) out += "(";
      unparse(c->left, kCmp + 1, out);
      for (uint32_t i = 0; i < c->ops.size; i++) {
        out += " ";
        out += cmp_str(c->ops[i]);
        out += " ";
        unparse(c->comparators[i], kCmp + 1, out);
      }
      if (prec > kCmp) out += ")";
      return;
    }
    case Kind::Call: {
      auto* c = static_cast<const Call*>(e);
      unparse(c->func, kAtom, out);
      out += "(";
      bool first = true;
      for (ExprNode* a : c->args) {
        if (!first) out += ", ";
        first = false;
        unparse(a, kTest, out);
      }
      for (Keyword* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        if (is_none(k->arg)) out += "**";
        else {
          out += k->arg;
          out += "=";
        }
        unparse(k->value, kTest, out);
      }
      out += ")";
      return;
    }
    case Kind::IfExp: {
      auto* x = static_cast<const IfExp*>(e);
      if (prec > kTest) out += "(";
      unparse(x->body, kTest + 1, out);
      out += " if ";
      unparse(x->test, kTest + 1, out);
      out += " else ";
      unparse(x->orelse, kTest, out);
      if (prec > kTest) out += ")";
      return;
    }
    case Kind::Slice: {
      auto* s = static_cast<const Slice*>(e);
      if (s->lower) unparse(s->lower, kTest, out);
      out += ":";
      if (s->upper) unparse(s->upper, kTest, out);
      if (s->step) {
        out += ":";
        unparse(s->step, kTest, out);
      }
      return;
    }
    case Kind::Lambda:
      out += prec > kTest ? "(lambda: ...)" : "lambda: ...";
      return;
    default:
      // Rare in annotations (comprehensions, f-strings, await): a
      // readable approximation rather than CPython's exact text.
      out += "...";
      return;
  }
}

}  // namespace

std::string unparse_annotation(const ExprNode* e) {
  std::string out;
  unparse(e, kTest, out);
  return out;
}

}  // namespace pyrite::python::compile
