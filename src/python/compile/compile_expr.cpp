// Expressions: operators, calls, displays, comprehensions, lambdas,
// generators and f-strings (docs/compiler.md, "Expressions").
#include <cstring>

#include "python/compile/codegen.h"

namespace pyrite::python::compile {

using namespace ast;

namespace {

// Keep the operand stack of one expression short: long displays and
// argument lists are built incrementally past this many items (CPython's
// STACK_USE_GUIDELINE).
constexpr uint32_t kStackUseGuideline = 30;

int compare_arg(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return static_cast<int>(CompareArg::kLt);
    case CmpOp::LtE: return static_cast<int>(CompareArg::kLe);
    case CmpOp::Eq: return static_cast<int>(CompareArg::kEq);
    case CmpOp::NotEq: return static_cast<int>(CompareArg::kNe);
    case CmpOp::Gt: return static_cast<int>(CompareArg::kGt);
    case CmpOp::GtE: return static_cast<int>(CompareArg::kGe);
    default: return -1;
  }
}

bool has_starred(const List<ExprNode>& l) {
  for (ExprNode* e : l)
    if (is<Starred>(e)) return true;
  return false;
}

}  // namespace

static void emit_compare(Compiler& c, CmpOp op) {
  switch (op) {
    case CmpOp::Is: c.emit(Opcode::IS_OP, 0); break;
    case CmpOp::IsNot: c.emit(Opcode::IS_OP, 1); break;
    case CmpOp::In: c.emit(Opcode::CONTAINS_OP, 0); break;
    case CmpOp::NotIn: c.emit(Opcode::CONTAINS_OP, 1); break;
    default: c.emit(Opcode::COMPARE_OP, compare_arg(op)); break;
  }
}

void Compiler::expr(ExprNode* e) {
  Location saved = u().loc;
  set_loc(e);
  expr_inner(e);
  u().loc = saved;
}

void Compiler::expr_inner(ExprNode* e) {
  switch (e->kind) {
    case Kind::BoolOp:
      return boolop(static_cast<BoolOp*>(e));
    case Kind::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      expr(n->value);
      emit(Opcode::COPY, 1);
      store_target(n->target);
      return;
    }
    case Kind::BinOp: {
      Constant c;
      if (fold(e, &c)) return load_const(c);
      auto* b = static_cast<BinOp*>(e);
      if (ExprNode* f = optimize_format(b)) return expr_inner(f);
      expr(b->left);
      expr(b->right);
      emit(Opcode::BINARY_OP, static_cast<int>(b->op));
      return;
    }
    case Kind::UnaryOp: {
      Constant c;
      if (fold(e, &c)) return load_const(c);
      auto* un = static_cast<UnaryOp*>(e);
      expr(un->operand);
      switch (un->op) {
        case UnaryOpKind::Invert: emit(Opcode::UNARY_INVERT); break;
        case UnaryOpKind::Not: emit(Opcode::UNARY_NOT); break;
        case UnaryOpKind::UAdd: emit(Opcode::UNARY_POSITIVE); break;
        case UnaryOpKind::USub: emit(Opcode::UNARY_NEGATIVE); break;
      }
      return;
    }
    case Kind::Lambda:
      return lambda(static_cast<Lambda*>(e));
    case Kind::IfExp: {
      auto* x = static_cast<IfExp*>(e);
      int end = new_label(), next = new_label();
      jump_if(x->test, next, false);
      expr(x->body);
      emit_jump(Opcode::JUMP, end);
      bind(next);
      expr(x->orelse);
      bind(end);
      return;
    }
    case Kind::Dict:
      return dict(static_cast<Dict*>(e));
    case Kind::Set:
      return starunpack(static_cast<Set*>(e)->elts, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false);
    case Kind::ListComp: {
      auto* c = static_cast<ListComp*>(e);
      return comprehension(e, UnitKind::kComprehension, "<listcomp>", c->generators, c->elt, nullptr);
    }
    case Kind::SetComp: {
      auto* c = static_cast<SetComp*>(e);
      return comprehension(e, UnitKind::kComprehension, "<setcomp>", c->generators, c->elt, nullptr);
    }
    case Kind::DictComp: {
      auto* c = static_cast<DictComp*>(e);
      return comprehension(e, UnitKind::kComprehension, "<dictcomp>", c->generators, c->key, c->value);
    }
    case Kind::GeneratorExp: {
      auto* c = static_cast<GeneratorExp*>(e);
      return comprehension(e, UnitKind::kComprehension, "<genexpr>", c->generators, c->elt, nullptr);
    }
    case Kind::Await: {
      if (u().scope->kind != BlockKind::kFunction) error(e, "'await' outside function");
      if (u().kind != UnitKind::kAsyncFunction && u().kind != UnitKind::kComprehension)
        error(e, "'await' outside async function");
      expr(static_cast<Await*>(e)->value);
      emit(Opcode::GET_AWAITABLE, 0);
      load_none();
      yield_from_loop(3);
      return;
    }
    case Kind::Yield: {
      if (u().scope->kind != BlockKind::kFunction) error(e, "'yield' outside function");
      auto* y = static_cast<Yield*>(e);
      if (y->value) expr(y->value);
      else load_none();
      if (u().scope->is_coroutine) emit(Opcode::ASYNC_GEN_WRAP);
      emit(Opcode::YIELD_VALUE);
      emit(Opcode::RESUME, 1);
      return;
    }
    case Kind::YieldFrom: {
      if (u().scope->kind != BlockKind::kFunction) error(e, "'yield' outside function");
      if (u().kind == UnitKind::kAsyncFunction) error(e, "'yield from' inside async function");
      expr(static_cast<YieldFrom*>(e)->value);
      emit(Opcode::GET_YIELD_FROM_ITER);
      load_none();
      yield_from_loop(2);
      return;
    }
    case Kind::Compare:
      return compare(static_cast<Compare*>(e));
    case Kind::Call:
      return call(static_cast<Call*>(e));
    case Kind::FormattedValue:
      return fstring_value(static_cast<FormattedValue*>(e));
    case Kind::JoinedStr: {
      auto* j = static_cast<JoinedStr*>(e);
      exprs(j->values);
      if (j->values.size != 1) emit(Opcode::BUILD_STRING, static_cast<int>(j->values.size));
      return;
    }
    case Kind::Constant:
      return load_const_value(static_cast<ast::Constant*>(e)->value);
    case Kind::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      if (a->ctx != ExprContext::Load && a->attr == "__debug__")
        error(e, a->ctx == ExprContext::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
      expr(a->value);
      set_loc(attr_loc(Location::of(e), a));
      int name = add_name(mangle_name(a->attr));
      if (a->ctx == ExprContext::Load) emit(Opcode::LOAD_ATTR, name);
      else if (a->ctx == ExprContext::Store) emit(Opcode::STORE_ATTR, name);
      else emit(Opcode::DELETE_ATTR, name);
      return;
    }
    case Kind::Subscript: {
      auto* s = static_cast<Subscript*>(e);
      if (s->ctx == ExprContext::Load) check_subscript(s);
      expr(s->value);
      slice(s->slice);
      set_loc(e);
      if (s->ctx == ExprContext::Load) emit(Opcode::BINARY_SUBSCR);
      else if (s->ctx == ExprContext::Store) emit(Opcode::STORE_SUBSCR);
      else emit(Opcode::DELETE_SUBSCR);
      return;
    }
    case Kind::Starred: {
      auto* s = static_cast<Starred*>(e);
      if (s->ctx == ExprContext::Store) error(e, "starred assignment target must be in a list or tuple");
      error(e, "can't use starred expression here");
    }
    case Kind::Name: {
      auto* n = static_cast<Name*>(e);
      if (n->id == "__debug__") {
        if (n->ctx == ExprContext::Store) error(e, "cannot assign to __debug__");
        if (n->ctx == ExprContext::Del) error(e, "cannot delete __debug__");
        ast::ConstValue v;
        v.kind = options_.optimize ? ConstKind::False : ConstKind::True;
        return load_const_value(v);
      }
      return nameop(n->id, n->ctx);
    }
    case Kind::ListExpr: {
      auto* l = static_cast<ast::ListExpr*>(e);
      if (l->ctx == ExprContext::Store) return unpack_and_store(l->elts, e);
      if (l->ctx == ExprContext::Del) return exprs(l->elts);
      return starunpack(l->elts, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false);
    }
    case Kind::Tuple: {
      auto* t = static_cast<Tuple*>(e);
      if (t->ctx == ExprContext::Store) return unpack_and_store(t->elts, e);
      if (t->ctx == ExprContext::Del) return exprs(t->elts);
      Constant c;
      if (fold(e, &c)) return load_const(c);
      return starunpack(t->elts, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
    }
    case Kind::Slice: {
      auto* s = static_cast<Slice*>(e);
      if (s->lower) expr(s->lower);
      else load_none();
      if (s->upper) expr(s->upper);
      else load_none();
      if (s->step) expr(s->step);
      emit(Opcode::BUILD_SLICE, s->step ? 3 : 2);
      return;
    }
    default:
      error(e, "unknown expression kind");
  }
}

void Compiler::slice(ExprNode* e) { expr(e); }

// An attribute access spanning lines is reported on the attribute name's
// line (`x\n  .y`), so tracebacks point at `.y`.
Location Compiler::attr_loc(Location loc, const Attribute* a) {
  if (loc.line != a->end_lineno) {
    loc.line = a->end_lineno;
    int len = static_cast<int>(a->attr.size());
    if (len <= a->end_col_offset) {
      loc.col = a->end_col_offset - len;
    } else {
      loc.col = -1;
      loc.end_col = -1;
    }
    if (loc.end_line < loc.line) loc.end_line = loc.line;
    if (loc.line == loc.end_line && loc.end_col < loc.col) loc.end_col = loc.col;
  }
  return loc;
}

void Compiler::store_target(ExprNode* t) { expr(t); }

// ---- conditions ---------------------------------------------------------------------------

void Compiler::jump_if(ExprNode* e, int label, bool cond) {
  // The jumps (and a chained comparison's own ops) keep the enclosing
  // statement's location, as in CPython: tracing sees the `if` line.
  Location saved = u().loc;
  switch (e->kind) {
    case Kind::UnaryOp: {
      auto* un = static_cast<UnaryOp*>(e);
      if (un->op == UnaryOpKind::Not) {
        jump_if(un->operand, label, !cond);
        u().loc = saved;
        return;
      }
      break;
    }
    case Kind::BoolOp: {
      auto* b = static_cast<BoolOp*>(e);
      bool is_or = b->op == BoolOpKind::Or;
      int next2 = label;
      if (is_or != cond) next2 = new_label();
      for (uint32_t i = 0; i + 1 < b->values.size; i++) jump_if(b->values[i], next2, is_or);
      jump_if(b->values[b->values.size - 1], label, cond);
      if (next2 != label) bind(next2);
      u().loc = saved;
      return;
    }
    case Kind::IfExp: {
      auto* x = static_cast<IfExp*>(e);
      int end = new_label(), next2 = new_label();
      jump_if(x->test, next2, false);
      jump_if(x->body, label, cond);
      emit_jump(Opcode::JUMP, end);
      bind(next2);
      jump_if(x->orelse, label, cond);
      bind(end);
      u().loc = saved;
      return;
    }
    case Kind::Compare: {
      auto* c = static_cast<Compare*>(e);
      check_compare(c);
      uint32_t n = c->ops.size - 1;
      if (n > 0) {
        expr(c->left);
        int cleanup = new_label();
        for (uint32_t i = 0; i < n; i++) {
          expr(c->comparators[i]);
          emit(Opcode::SWAP, 2);
          emit(Opcode::COPY, 2);
          emit_compare(*this, c->ops[i]);
          emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
        }
        expr(c->comparators[n]);
        emit_compare(*this, c->ops[n]);
        emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
        int end = new_label();
        emit_jump(Opcode::JUMP, end);
        bind(cleanup);
        emit(Opcode::POP_TOP);
        if (!cond) emit_jump(Opcode::JUMP, label);
        bind(end);
        u().loc = saved;
        return;
      }
      set_loc(e);  // a single comparison's jump is reported on its own line
      break;
    }
    default: {
      Constant k;
      if (fold(e, &k) && k.kind == Constant::Kind::kValue) {
        const ast::ConstValue& v = k.value;
        int truth = -1;
        switch (v.kind) {
          case ConstKind::None: case ConstKind::False: truth = 0; break;
          case ConstKind::True: case ConstKind::Ellipsis: truth = 1; break;
          case ConstKind::Int: truth = v.i != 0; break;
          case ConstKind::BigInt: truth = 1; break;
          case ConstKind::Float: truth = v.f != 0; break;
          case ConstKind::Complex: truth = v.f != 0 || k.real != 0; break;
          case ConstKind::Str: case ConstKind::Bytes: truth = !v.s.empty(); break;
        }
        // A NOP keeps the test's line (`while True:`) for tracing.
        if (truth == static_cast<int>(cond)) emit_jump(Opcode::JUMP, label);
        else emit(Opcode::NOP);
        u().loc = saved;
        return;
      }
      break;
    }
  }
  expr(e);
  emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
  u().loc = saved;
}

void Compiler::boolop(BoolOp* e) {
  Opcode op = e->op == BoolOpKind::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
  int end = new_label();
  uint32_t n = e->values.size - 1;
  for (uint32_t i = 0; i < n; i++) {
    expr(e->values[i]);
    emit_jump(op, end);
  }
  expr(e->values[n]);
  bind(end);
}

// The type of what `e` evaluates to when the compiler knows it (CPython's
// infer_type, on the constant-folded tree), or null.
const char* Compiler::infer_type(ExprNode* e) {
  Constant c;
  if (fold(e, &c)) {
    if (c.kind == Constant::Kind::kTuple) return "tuple";
    if (c.kind == Constant::Kind::kFrozenSet) return "frozenset";
    if (c.kind != Constant::Kind::kValue) return nullptr;
    switch (c.value.kind) {
      case ConstKind::None: return "NoneType";
      case ConstKind::True: case ConstKind::False: return "bool";
      case ConstKind::Ellipsis: return "ellipsis";
      case ConstKind::Int: case ConstKind::BigInt: return "int";
      case ConstKind::Float: return "float";
      case ConstKind::Complex: return "complex";
      case ConstKind::Str: return "str";
      case ConstKind::Bytes: return "bytes";
    }
    return nullptr;
  }
  switch (e->kind) {
    case Kind::Tuple: return "tuple";
    case Kind::ListExpr: case Kind::ListComp: return "list";
    case Kind::Dict: case Kind::DictComp: return "dict";
    case Kind::Set: case Kind::SetComp: return "set";
    case Kind::GeneratorExp: return "generator";
    case Kind::Lambda: return "function";
    case Kind::JoinedStr: case Kind::FormattedValue: return "str";
    default: return nullptr;
  }
}

void Compiler::check_compare(Compare* e) {
  // A literal operand: a constant other than None, True, False and `...`.
  auto is_literal = [&](ExprNode* x) {
    Constant c;
    if (!fold(x, &c)) return false;
    if (c.kind != Constant::Kind::kValue) return true;
    ConstKind k = c.value.kind;
    return !(k == ConstKind::None || k == ConstKind::True || k == ConstKind::False || k == ConstKind::Ellipsis);
  };
  bool left = is_literal(e->left);
  for (uint32_t i = 0; i < e->ops.size; i++) {
    bool right = is_literal(e->comparators[i]);
    CmpOp op = e->ops[i];
    if ((op == CmpOp::Is || op == CmpOp::IsNot) && (left || right)) {
      warn(e, op == CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                              : "\"is not\" with a literal. Did you mean \"!=\"?");
      return;
    }
    left = right;
  }
}

void Compiler::check_caller(ExprNode* func, const ast::Node* at) {
  switch (func->kind) {
    case Kind::Constant: case Kind::Tuple: case Kind::ListExpr: case Kind::ListComp: case Kind::Dict:
    case Kind::DictComp: case Kind::Set: case Kind::SetComp: case Kind::GeneratorExp: case Kind::JoinedStr:
    case Kind::FormattedValue:
      break;
    default:
      return;
  }
  const char* t = infer_type(func);
  if (t) warn(at, std::string("'") + t + "' object is not callable; perhaps you missed a comma?");
}

void Compiler::check_subscript(Subscript* s) {
  ExprNode* v = s->value;
  const char* vt = infer_type(v);
  Constant c;
  bool is_const = fold(v, &c);
  // The value is not subscriptable.
  bool unsubscriptable = false;
  if (is_const) {
    unsubscriptable = c.kind == Constant::Kind::kFrozenSet ||
                      (c.kind == Constant::Kind::kValue &&
                       (c.value.kind == ConstKind::None || c.value.kind == ConstKind::Ellipsis ||
                        c.value.kind == ConstKind::Int || c.value.kind == ConstKind::BigInt ||
                        c.value.kind == ConstKind::True || c.value.kind == ConstKind::False ||
                        c.value.kind == ConstKind::Float || c.value.kind == ConstKind::Complex));
  } else {
    unsubscriptable = v->kind == Kind::Set || v->kind == Kind::SetComp || v->kind == Kind::GeneratorExp ||
                      v->kind == Kind::Lambda;
  }
  if (unsubscriptable && vt) {
    warn(s, std::string("'") + vt + "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  // A sequence indexed by something that is no int or slice.
  const char* it = infer_type(s->slice);
  if (!it || !std::strcmp(it, "int") || !std::strcmp(it, "bool")) return;
  bool sequence;
  if (is_const) {
    sequence = c.kind == Constant::Kind::kTuple ||
               (c.kind == Constant::Kind::kValue && (c.value.kind == ConstKind::Str || c.value.kind == ConstKind::Bytes));
  } else {
    sequence = v->kind == Kind::Tuple || v->kind == Kind::ListExpr || v->kind == Kind::ListComp ||
               v->kind == Kind::JoinedStr || v->kind == Kind::FormattedValue;
  }
  if (sequence && vt)
    warn(s, std::string(vt) + " indices must be integers or slices, not " + it + "; perhaps you missed a comma?");
}

void Compiler::compare(Compare* e) {
  check_compare(e);
  // `x in [1, 2]` / `x in {1, 2}` test against a constant tuple / frozenset:
  // only the last comparator, as CPython (the others are also the left
  // operand of the next comparison, so their type shows).
  auto operand = [&](uint32_t i) {
    ExprNode* c = e->comparators[i];
    CmpOp op = e->ops[i];
    if ((op == CmpOp::In || op == CmpOp::NotIn) && i + 1 == e->ops.size) {
      Constant fs;
      if (fold_set_display(c, &fs)) return load_const(fs);
      if (auto* l = as<ast::ListExpr>(c); l && !has_starred(l->elts)) {
        auto* t = make<Tuple>(arena_, l->lineno, l->col_offset, l->end_lineno, l->end_col_offset);
        t->elts = l->elts;
        t->ctx = ExprContext::Load;
        return expr(t);
      }
    }
    expr(c);
  };
  expr(e->left);
  uint32_t n = e->ops.size - 1;
  if (n == 0) {
    operand(0);
    set_loc(e);
    emit_compare(*this, e->ops[0]);
    return;
  }
  int cleanup = new_label();
  for (uint32_t i = 0; i < n; i++) {
    operand(i);
    emit(Opcode::SWAP, 2);
    emit(Opcode::COPY, 2);
    emit_compare(*this, e->ops[i]);
    emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  operand(n);
  emit_compare(*this, e->ops[n]);
  int end = new_label();
  emit_jump(Opcode::JUMP, end);
  bind(cleanup);
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_TOP);
  bind(end);
}

// ---- displays -------------------------------------------------------------------------------

void Compiler::starunpack(const List<ExprNode>& elts, Opcode build, Opcode add, Opcode extend, bool tuple) {
  uint32_t n = elts.size;
  if (n > 2 && !has_starred(elts)) {
    Constant folded;
    folded.kind = add == Opcode::SET_ADD ? Constant::Kind::kFrozenSet : Constant::Kind::kTuple;
    bool all = true;
    for (ExprNode* x : elts) {
      Constant c;
      if (!is<ast::Constant>(x) && !fold(x, &c)) {
        all = false;
        break;
      }
      if (is<ast::Constant>(x)) c = Constant::of(static_cast<ast::Constant*>(x)->value);
      folded.items.push_back(std::move(c));
    }
    if (all) {
      if (tuple) return load_const(folded);
      emit(build, 0);
      load_const(folded);
      emit(extend, 1);
      return;
    }
  }
  bool big = n > kStackUseGuideline;
  if (!has_starred(elts) && !big) {
    exprs(elts);
    emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<int>(n));
    return;
  }
  bool built = false;
  if (big) {
    emit(build, 0);
    built = true;
  }
  for (uint32_t i = 0; i < n; i++) {
    ExprNode* x = elts[i];
    if (auto* s = as<Starred>(x)) {
      if (!built) {
        emit(build, static_cast<int>(i));
        built = true;
      }
      expr(s->value);
      emit(extend, 1);
    } else {
      expr(x);
      if (built) emit(add, 1);
    }
  }
  if (tuple) emit(Opcode::LIST_TO_TUPLE);
}

void Compiler::unpack_helper(const List<ExprNode>& elts, ExprNode* at) {
  uint32_t n = elts.size;
  bool seen_star = false;
  for (uint32_t i = 0; i < n; i++) {
    if (!is<Starred>(elts[i])) continue;
    if (seen_star) error(at, "multiple starred expressions in assignment");
    if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) error(at, "too many expressions in star-unpacking assignment");
    emit(Opcode::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, static_cast<int>(n));
}

void Compiler::unpack_and_store(const List<ExprNode>& elts, ExprNode* at) {
  unpack_helper(elts, at);
  for (ExprNode* x : elts) {
    if (auto* s = as<Starred>(x)) store_target(s->value);
    else store_target(x);
  }
}

void Compiler::dict(Dict* e) {
  uint32_t n = e->values.size;
  uint32_t elements = 0;
  bool have_dict = false;
  // Pushes keys[begin..end) and values as one dict.
  auto subdict = [&](uint32_t begin, uint32_t end) {
    uint32_t count = end - begin;
    if (count > 1 && count * 2 <= kStackUseGuideline) {
      Constant keys;
      keys.kind = Constant::Kind::kTuple;
      bool all = true;
      for (uint32_t i = begin; i < end && all; i++) {
        Constant k;
        if (fold(e->keys[i], &k)) keys.items.push_back(std::move(k));
        else all = false;
      }
      if (all) {
        for (uint32_t i = begin; i < end; i++) expr(e->values[i]);
        load_const(keys);
        emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<int>(count));
        return;
      }
    }
    bool big = count * 2 > kStackUseGuideline;
    if (big) emit(Opcode::BUILD_MAP, 0);
    for (uint32_t i = begin; i < end; i++) {
      expr(e->keys[i]);
      expr(e->values[i]);
      if (big) emit(Opcode::MAP_ADD, 1);
    }
    if (!big) emit(Opcode::BUILD_MAP, static_cast<int>(count));
  };
  for (uint32_t i = 0; i < n; i++) {
    if (!e->keys[i]) {
      if (elements) {
        subdict(i - elements, i);
        if (have_dict) emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      expr(e->values[i]);
      emit(Opcode::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      subdict(i - elements, i + 1);
      if (have_dict) emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    subdict(n - elements, n);
    if (have_dict) emit(Opcode::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Opcode::BUILD_MAP, 0);
}

// ---- calls ---------------------------------------------------------------------------------------

bool Compiler::maybe_method_call(Call* e) {
  auto* meth = as<Attribute>(e->func);
  if (!meth || meth->ctx != ExprContext::Load) return false;
  // Names bound by imports at module level are modules: plain attributes.
  if (auto* n = as<Name>(meth->value); n && (st_.top()->flags_of(n->id) & SymFlag::kImport)) return false;
  uint32_t nargs = e->args.size, nkw = e->keywords.size;
  if (nargs + nkw + (nkw != 0) >= kStackUseGuideline) return false;
  if (has_starred(e->args)) return false;
  for (Keyword* k : e->keywords)
    if (is_none(k->arg)) return false;
  for (uint32_t i = 0; i < nkw; i++)
    for (uint32_t j = i + 1; j < nkw; j++)
      if (e->keywords[i]->arg == e->keywords[j]->arg)
        error(e->keywords[j], "keyword argument repeated: " + std::string(e->keywords[j]->arg));
  expr(meth->value);
  Location call_loc = attr_loc(Location::of(e), meth);
  set_loc(attr_loc(Location::of(meth), meth));
  emit(Opcode::LOAD_METHOD, add_name(mangle_name(meth->attr)));
  exprs(e->args);
  if (nkw) {
    Constant names;
    names.kind = Constant::Kind::kTuple;
    for (Keyword* k : e->keywords) {
      expr(k->value);
      ast::ConstValue v;
      v.kind = ConstKind::Str;
      v.s = k->arg;
      names.items.push_back(Constant::of(v));
    }
    emit(Opcode::KW_NAMES, add_const(std::move(names)));
  }
  set_loc(call_loc);
  emit(Opcode::CALL, static_cast<int>(nargs + nkw));
  return true;
}

void Compiler::call(Call* e) {
  check_caller(e->func, e);
  if (maybe_method_call(e)) return;
  emit(Opcode::PUSH_NULL);
  size_t before = u().instrs.size();
  expr(e->func);
  // PUSH_NULL + LOAD_GLOBAL folds into LOAD_GLOBAL's push-null bit.
  std::vector<Instr>& in = u().instrs;
  if (in.size() == before + 1 && in.back().op == Opcode::LOAD_GLOBAL && !(in.back().arg & 1) &&
      in[before - 1].op == Opcode::PUSH_NULL) {
    bool label_here = false;
    for (int pos : u().label_pos) label_here |= pos == static_cast<int>(before);
    if (!label_here) {
      Instr g = in.back();
      g.arg |= 1;
      in.pop_back();
      in.back() = g;
    }
  }
  set_loc(e);
  call_helper(0, e->args, e->keywords);
}

void Compiler::subkwargs(const List<Keyword>& kws, uint32_t begin, uint32_t end) {
  uint32_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    Constant keys;
    keys.kind = Constant::Kind::kTuple;
    for (uint32_t i = begin; i < end; i++) {
      expr(kws[i]->value);
      ast::ConstValue v;
      v.kind = ConstKind::Str;
      v.s = kws[i]->arg;
      keys.items.push_back(Constant::of(v));
    }
    load_const(keys);
    emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<int>(n));
    return;
  }
  if (big) emit(Opcode::BUILD_MAP, 0);
  for (uint32_t i = begin; i < end; i++) {
    ast::ConstValue v;
    v.kind = ConstKind::Str;
    v.s = kws[i]->arg;
    load_const_value(v);
    expr(kws[i]->value);
    if (big) emit(Opcode::MAP_ADD, 1);
  }
  if (!big) emit(Opcode::BUILD_MAP, static_cast<int>(n));
}

void Compiler::call_helper(int n_pushed, const List<ExprNode>& args, const List<Keyword>& keywords) {
  uint32_t nargs = args.size, nkw = keywords.size;
  for (uint32_t i = 0; i < nkw; i++) {
    if (is_none(keywords[i]->arg)) continue;
    if (keywords[i]->arg == "__debug__") error(keywords[i], "cannot assign to __debug__");
    for (uint32_t j = i + 1; j < nkw; j++)
      if (keywords[i]->arg == keywords[j]->arg)
        error(keywords[j], "keyword argument repeated: " + std::string(keywords[j]->arg));
  }
  bool simple = nargs + nkw * 2 <= kStackUseGuideline && !has_starred(args);
  for (Keyword* k : keywords) simple = simple && !is_none(k->arg);
  Location loc = u().loc;
  if (simple) {
    exprs(args);
    if (nkw) {
      Constant names;
      names.kind = Constant::Kind::kTuple;
      for (Keyword* k : keywords) {
        expr(k->value);
        ast::ConstValue v;
        v.kind = ConstKind::Str;
        v.s = k->arg;
        names.items.push_back(Constant::of(v));
      }
      u().loc = loc;
      emit(Opcode::KW_NAMES, add_const(std::move(names)));
    }
    u().loc = loc;
    emit(Opcode::CALL, static_cast<int>(n_pushed + nargs + nkw));
    return;
  }
  call_ex(n_pushed, args, keywords);
}

void Compiler::call_ex(int n_pushed, const List<ExprNode>& args, const List<Keyword>& keywords) {
  Location loc = u().loc;
  if (n_pushed == 0 && args.size == 1 && is<Starred>(args[0])) {
    expr(static_cast<Starred*>(args[0])->value);
  } else if (n_pushed == 0) {
    starunpack(args, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
  } else {
    // Positional arguments as one tuple, including the n_pushed already there.
    uint32_t n = args.size;
    bool built = false;
    if (!has_starred(args) && n + n_pushed <= kStackUseGuideline) {
      exprs(args);
      emit(Opcode::BUILD_TUPLE, static_cast<int>(n + n_pushed));
    } else {
      if (n + n_pushed > kStackUseGuideline) {
        emit(Opcode::BUILD_LIST, n_pushed);
        built = true;
      }
      for (uint32_t i = 0; i < n; i++) {
        if (auto* s = as<Starred>(args[i])) {
          if (!built) {
            emit(Opcode::BUILD_LIST, static_cast<int>(i + n_pushed));
            built = true;
          }
          expr(s->value);
          emit(Opcode::LIST_EXTEND, 1);
        } else {
          expr(args[i]);
          if (built) emit(Opcode::LIST_APPEND, 1);
        }
      }
      emit(Opcode::LIST_TO_TUPLE);
    }
  }
  uint32_t nkw = keywords.size;
  if (nkw) {
    bool have_dict = false;
    uint32_t nseen = 0;
    for (uint32_t i = 0; i < nkw; i++) {
      Keyword* kw = keywords[i];
      if (is_none(kw->arg)) {
        if (nseen) {
          subkwargs(keywords, i - nseen, i);
          if (have_dict) emit(Opcode::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Opcode::BUILD_MAP, 0);
          have_dict = true;
        }
        expr(kw->value);
        emit(Opcode::DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(keywords, nkw - nseen, nkw);
      if (have_dict) emit(Opcode::DICT_MERGE, 1);
    }
  }
  u().loc = loc;
  emit(Opcode::CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
}

// ---- f-strings ---------------------------------------------------------------------------------

void Compiler::fstring_value(FormattedValue* e) {
  expr(e->value);
  int oparg = 0;
  switch (e->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
  }
  if (e->format_spec) {
    expr(e->format_spec);
    oparg |= kFormatSpec;
  }
  set_loc(e);
  emit(Opcode::FORMAT_VALUE, oparg);
}

// ---- functions, lambdas, generators ---------------------------------------------------------------

void Compiler::yield_from_loop(int resume_kind) {
  int send = new_label(), exit = new_label();
  bind(send);
  emit_jump(Opcode::SEND, exit);
  emit(Opcode::YIELD_VALUE_CLOSE);  // closing the generator here closes the delegate
  emit(Opcode::RESUME, resume_kind);
  emit_jump(Opcode::JUMP_NO_INTERRUPT, send);
  bind(exit);
}

void Compiler::defaults(Arguments* args, int* flags) {
  if (!args->defaults.empty()) {
    auto* t = make<Tuple>(arena_, args->defaults[0]->lineno, args->defaults[0]->col_offset,
                          args->defaults[0]->end_lineno, args->defaults[0]->end_col_offset);
    t->elts = args->defaults;
    t->ctx = ExprContext::Load;
    Location saved = u().loc;
    Constant c;
    if (fold(t, &c)) {
      for (ExprNode* d : args->defaults) {
        set_loc(d);
        emit(Opcode::NOP);  // the default's line, for tracing
      }
      u().loc = saved;
      load_const(c);
    } else {
      exprs(args->defaults);
      emit(Opcode::BUILD_TUPLE, static_cast<int>(args->defaults.size));
    }
    u().loc = saved;
    *flags |= MakeFunction::kDefaults;
  }
  // Keyword-only defaults: values, then the names, as one const-key map.
  Constant names;
  names.kind = Constant::Kind::kTuple;
  for (uint32_t i = 0; i < args->kwonlyargs.size; i++) {
    ExprNode* d = i < args->kw_defaults.size ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    ast::ConstValue v;
    v.kind = ConstKind::Str;
    v.s = mangle_name(args->kwonlyargs[i]->arg);
    names.items.push_back(Constant::of(v));
    expr(d);
  }
  if (!names.items.empty()) {
    int nkw = static_cast<int>(names.items.size());
    load_const(names);
    emit(Opcode::BUILD_CONST_KEY_MAP, nkw);
    *flags |= MakeFunction::kKwDefaults;
  }
  auto check = [&](Arg* a) {
    if (a && a->arg == "__debug__") error(a, "cannot assign to __debug__");
  };
  for (Arg* a : args->posonlyargs) check(a);
  for (Arg* a : args->args) check(a);
  for (Arg* a : args->kwonlyargs) check(a);
  check(args->vararg);
  check(args->kwarg);
}

void Compiler::annotation_value(ExprNode* e) {
  if (future_annotations_) {
    std::string text = unparse_annotation(e);
    ast::ConstValue v;
    v.kind = ConstKind::Str;
    v.s = arena_.copy(text);
    load_const_value(v);
    return;
  }
  if (auto* s = as<Starred>(e)) {
    // *args: *Ts
    expr(s->value);
    emit(Opcode::UNPACK_SEQUENCE, 1);
    return;
  }
  expr(e);
}

bool Compiler::annotations(Arguments* args, ExprNode* returns) {
  int n = 0;
  auto one = [&](std::string_view name, ExprNode* ann) {
    if (!ann) return;
    ast::ConstValue v;
    v.kind = ConstKind::Str;
    v.s = mangle_name(name);
    load_const_value(v);
    annotation_value(ann);
    n++;
  };
  for (Arg* a : args->args) one(a->arg, a->annotation);
  for (Arg* a : args->posonlyargs) one(a->arg, a->annotation);
  if (args->vararg) one(args->vararg->arg, args->vararg->annotation);
  for (Arg* a : args->kwonlyargs) one(a->arg, a->annotation);
  if (args->kwarg) one(args->kwarg->arg, args->kwarg->annotation);
  one("return", returns);
  if (n) emit(Opcode::BUILD_TUPLE, 2 * n);
  return n > 0;
}

void Compiler::lambda(Lambda* e) {
  int flags = 0;
  defaults(e->args, &flags);
  enter_unit(UnitKind::kLambda, "<lambda>", e, e->lineno);
  // None first: a lambda has no docstring.
  add_const(Constant::none());
  CodeUnit* code = u().code.get();
  code->argcount = static_cast<int>(e->args->posonlyargs.size + e->args->args.size);
  code->posonlyargcount = static_cast<int>(e->args->posonlyargs.size);
  code->kwonlyargcount = static_cast<int>(e->args->kwonlyargs.size);
  // A generator lambda returns its body's value too (StopIteration.value),
  // as CPython since 3.8.
  expr(e->body);
  emit(Opcode::RETURN_VALUE);
  std::shared_ptr<CodeUnit> co = leave_unit();
  set_loc(e);
  make_function(co, flags);
}

// ---- comprehensions ---------------------------------------------------------------------------------

void Compiler::comprehension_element(ExprNode* e, ExprNode* elt, ExprNode* value, int depth) {
  switch (e->kind) {
    case Kind::GeneratorExp:
      expr(elt);
      if (u().scope->is_coroutine) emit(Opcode::ASYNC_GEN_WRAP);
      emit(Opcode::YIELD_VALUE);
      emit(Opcode::RESUME, 1);
      emit(Opcode::POP_TOP);
      break;
    case Kind::ListComp:
      expr(elt);
      emit(Opcode::LIST_APPEND, depth + 1);
      break;
    case Kind::SetComp:
      expr(elt);
      emit(Opcode::SET_ADD, depth + 1);
      break;
    default:  // dict: key before value
      expr(elt);
      expr(value);
      emit(Opcode::MAP_ADD, depth + 1);
      break;
  }
}

void Compiler::comprehension_generator(const List<Comprehension>& gens, uint32_t i, int depth, ExprNode* elt,
                                       ExprNode* value, ExprNode* e) {
  Comprehension* gen = gens[i];
  if (gen->is_async) return async_comprehension_generator(gens, i, depth, elt, value, e);
  int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  bool loop = true;
  if (i == 0) {
    emit(Opcode::LOAD_FAST, 0);  // the outermost iterator, argument ".0"
  } else {
    // `for y in [f(x)]` binds y without a loop.
    const List<ExprNode>* elts = nullptr;
    if (auto* l = as<ast::ListExpr>(gen->iter)) elts = &l->elts;
    if (auto* t = as<Tuple>(gen->iter)) elts = &t->elts;
    if (elts && elts->size == 1 && !is<Starred>((*elts)[0])) {
      expr((*elts)[0]);
      loop = false;
    } else {
      ExprNode* iter = gen->iter;
      Constant fs;
      if (auto* l = as<ast::ListExpr>(iter); l && !has_starred(l->elts)) {
        auto* t = make<Tuple>(arena_, l->lineno, l->col_offset, l->end_lineno, l->end_col_offset);
        t->elts = l->elts;
        t->ctx = ExprContext::Load;
        iter = t;
      }
      if (fold_set_display(iter, &fs)) load_const(fs);
      else expr(iter);
      emit(Opcode::GET_ITER);
    }
  }
  if (loop) {
    depth++;
    bind(start);
    emit_jump(Opcode::FOR_ITER, anchor);
  }
  store_target(gen->target);
  for (ExprNode* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  if (i + 1 < gens.size) comprehension_generator(gens, i + 1, depth, elt, value, e);
  else comprehension_element(e, elt, value, depth);
  bind(if_cleanup);
  if (loop) {
    emit_jump(Opcode::JUMP, start);
    bind(anchor);
  }
}

void Compiler::async_comprehension_generator(const List<Comprehension>& gens, uint32_t i, int depth,
                                             ExprNode* elt, ExprNode* value, ExprNode* e) {
  Comprehension* gen = gens[i];
  int start = new_label(), except = new_label(), if_cleanup = new_label();
  if (i == 0) {
    emit(Opcode::LOAD_FAST, 0);
  } else {
    expr(gen->iter);
    emit(Opcode::GET_AITER);
  }
  bind(start);
  setup(Opcode::SETUP_FINALLY, except);
  emit(Opcode::GET_ANEXT);
  load_none();
  yield_from_loop(3);
  pop_block();
  store_target(gen->target);
  depth++;
  for (ExprNode* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  if (i + 1 < gens.size) comprehension_generator(gens, i + 1, depth, elt, value, e);
  else comprehension_element(e, elt, value, depth);
  bind(if_cleanup);
  emit_jump(Opcode::JUMP, start);
  bind_handler(except);
  emit(Opcode::END_ASYNC_FOR);
}

void Compiler::comprehension(ExprNode* e, UnitKind kind, std::string_view name, const List<Comprehension>& gens,
                             ExprNode* elt, ExprNode* value) {
  UnitKind outer_kind = u().kind;
  Comprehension* outermost = gens[0];
  enter_unit(kind, name, e, e->lineno);
  u().loc = Location::of(e);
  bool is_async = u().scope->is_coroutine;
  bool is_genexp = e->kind == Kind::GeneratorExp;
  if (is_async && !is_genexp && outer_kind != UnitKind::kAsyncFunction && outer_kind != UnitKind::kComprehension)
    error(e, "asynchronous comprehension outside of an asynchronous function");
  u().code->argcount = 1;
  if (!is_genexp) {
    Opcode build = e->kind == Kind::ListComp ? Opcode::BUILD_LIST
                   : e->kind == Kind::SetComp ? Opcode::BUILD_SET : Opcode::BUILD_MAP;
    emit(build, 0);
  }
  comprehension_generator(gens, 0, 0, elt, value, e);
  if (!is_genexp) emit(Opcode::RETURN_VALUE);
  else {
    no_loc();
    load_none();
    emit(Opcode::RETURN_VALUE);
  }
  std::shared_ptr<CodeUnit> co = leave_unit();
  set_loc(e);
  int flags = 0;
  make_function(co, flags);
  // The outermost iterable is evaluated here, in the enclosing scope.
  ExprNode* iter = outermost->iter;
  if (auto* l = as<ast::ListExpr>(iter); l && !has_starred(l->elts)) {
    auto* t = make<Tuple>(arena_, l->lineno, l->col_offset, l->end_lineno, l->end_col_offset);
    t->elts = l->elts;
    t->ctx = ExprContext::Load;
    iter = t;
  }
  expr(iter);
  set_loc(e);
  emit(outermost->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
  emit(Opcode::CALL, 0);
  if (is_async && !is_genexp) {
    emit(Opcode::GET_AWAITABLE, 0);
    load_none();
    yield_from_loop(3);
  }
}

}  // namespace pyrite::python::compile
