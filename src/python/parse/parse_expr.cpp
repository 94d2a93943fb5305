// Expression rules of the Python 3.11 grammar: operators, atoms, displays,
// comprehensions, call arguments and assignment/del targets
// (docs/frontend.md).
//
// Left-recursive rules (bitwise_or ... term, primary, t_primary) are loops
// that extend the result while a trailer follows; growing a seed in a PEG
// gives the same longest match.
#include "python/parse/literals.h"
#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

using ast::ExprNode;

namespace {

ast::ConstValue const_of(ast::ConstKind k) {
  ast::ConstValue v;
  v.kind = k;
  return v;
}

}  // namespace

// expressions: expression (',' expression)+ [','] | expression ',' | expression
ExprNode* Parser::expressions() {
  int start = pos_;
  ExprNode* a = expression();
  if (!a) return nullptr;
  if (!at(Tok::COMMA)) return a;
  SmallVec<ExprNode*> elts;
  elts.push_back(a);
  while (expect(Tok::COMMA)) {
    int m = pos_;
    ExprNode* b = expression();
    if (!b) {
      pos_ = m;
      break;
    }
    elts.push_back(b);
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = to_list(elts);
  t->ctx = ast::ExprContext::Load;
  return t;
}

ExprNode* Parser::expression() {
  return memoized<ExprNode>(Memo::kExpression, [&] { return expression_body(); });
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ExprNode* Parser::expression_body() {
  DepthGuard depth(this);
  if (error_pass_) {
    invalid_expression();
    invalid_legacy_expression();
  }
  int start = pos_;
  if (ExprNode* a = disjunction()) {
    int m = pos_;
    if (expect(Tok::KW_IF)) {
      if (ExprNode* b = disjunction()) {
        if (expect(Tok::KW_ELSE)) {
          if (ExprNode* c = expression()) {
            auto* e = node<ast::IfExp>(start);
            e->test = b;
            e->body = a;
            e->orelse = c;
            return e;
          }
        }
      }
    }
    pos_ = m;
    return a;
  }
  return lambdef();
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ExprNode* Parser::yield_expr() {
  int start = pos_;
  if (!expect(Tok::KW_YIELD)) return nullptr;
  if (expect(Tok::KW_FROM)) {
    if (ExprNode* a = expression()) {
      auto* y = node<ast::YieldFrom>(start);
      y->value = a;
      return y;
    }
    pos_ = start + 1;
  }
  ExprNode* a = star_expressions();
  auto* y = node<ast::Yield>(start);
  y->value = a;
  return y;
}

ExprNode* Parser::star_expressions() {
  int start = pos_;
  ExprNode* a = star_expression();
  if (!a) return nullptr;
  if (!at(Tok::COMMA)) return a;
  SmallVec<ExprNode*> elts;
  elts.push_back(a);
  while (expect(Tok::COMMA)) {
    int m = pos_;
    ExprNode* b = star_expression();
    if (!b) {
      pos_ = m;
      break;
    }
    elts.push_back(b);
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = to_list(elts);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// star_expression: '*' bitwise_or | expression
ExprNode* Parser::star_expression() {
  return memoized_in_error_pass<ExprNode>(Memo::kStarExpression, [&]() -> ExprNode* {
    int start = pos_;
    if (expect(Tok::STAR)) {
      if (ExprNode* a = bitwise_or()) {
        auto* s = node<ast::Starred>(start);
        s->value = a;
        s->ctx = ast::ExprContext::Load;
        return s;
      }
      pos_ = start;
    }
    return expression();
  });
}

bool Parser::star_named_expressions(SmallVec<ExprNode*>& out) {
  ExprNode* a = star_named_expression();
  if (!a) return false;
  out.push_back(a);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    ExprNode* b = star_named_expression();
    if (!b) {
      pos_ = m;
      break;
    }
    out.push_back(b);
  }
  expect(Tok::COMMA);
  return true;
}

ExprNode* Parser::star_named_expression() {
  int start = pos_;
  if (expect(Tok::STAR)) {
    if (ExprNode* a = bitwise_or()) {
      auto* s = node<ast::Starred>(start);
      s->value = a;
      s->ctx = ast::ExprContext::Load;
      return s;
    }
    pos_ = start;
  }
  return named_expression();
}

// assignment_expression: NAME ':=' ~ expression
ExprNode* Parser::assignment_expression() {
  int start = pos_;
  if (!at(Tok::NAME) || tok(pos_ + 1).kind != Tok::COLONEQUAL) return nullptr;
  const Token& name = cur();
  pos_ += 2;
  ExprNode* b = expression();
  if (!b) {
    pos_ = start;
    return nullptr;
  }
  check_version(8, "Assignment expressions are");
  auto* n = node<ast::NamedExpr>(start);
  n->target = name_node(name, ast::ExprContext::Store);
  n->value = b;
  return n;
}

// named_expression: assignment_expression | expression !':='
ExprNode* Parser::named_expression() {
  if (ExprNode* a = assignment_expression()) return a;
  if (error_pass_) invalid_named_expression();
  int start = pos_;
  if (ExprNode* a = expression()) {
    if (!at(Tok::COLONEQUAL)) return a;
    pos_ = start;
  }
  return nullptr;
}

ExprNode* Parser::disjunction() {
  return memoized_in_error_pass<ExprNode>(Memo::kDisjunction, [&]() -> ExprNode* {
    int start = pos_;
    ExprNode* a = conjunction();
    if (!a || !at(Tok::KW_OR)) return a;
    SmallVec<ExprNode*> values;
    values.push_back(a);
    while (at(Tok::KW_OR)) {
      int m = pos_;
      pos_++;
      ExprNode* b = conjunction();
      if (!b) {
        pos_ = m;
        break;
      }
      values.push_back(b);
    }
    if (values.size() == 1) return a;
    auto* o = node<ast::BoolOp>(start);
    o->op = ast::BoolOpKind::Or;
    o->values = to_list(values);
    return o;
  });
}

ExprNode* Parser::conjunction() {
  return memoized_in_error_pass<ExprNode>(Memo::kConjunction, [&]() -> ExprNode* {
    int start = pos_;
    ExprNode* a = inversion();
    if (!a || !at(Tok::KW_AND)) return a;
    SmallVec<ExprNode*> values;
    values.push_back(a);
    while (at(Tok::KW_AND)) {
      int m = pos_;
      pos_++;
      ExprNode* b = inversion();
      if (!b) {
        pos_ = m;
        break;
      }
      values.push_back(b);
    }
    if (values.size() == 1) return a;
    auto* o = node<ast::BoolOp>(start);
    o->op = ast::BoolOpKind::And;
    o->values = to_list(values);
    return o;
  });
}

ExprNode* Parser::inversion() {
  return memoized_in_error_pass<ExprNode>(Memo::kInversion, [&]() -> ExprNode* {
    DepthGuard depth(this);
    int start = pos_;
    if (expect(Tok::KW_NOT)) {
      if (ExprNode* a = inversion()) {
        auto* u = node<ast::UnaryOp>(start);
        u->op = ast::UnaryOpKind::Not;
        u->operand = a;
        return u;
      }
      pos_ = start;
    }
    return comparison();
  });
}

ExprNode* Parser::comparison() {
  int start = pos_;
  ExprNode* a = bitwise_or();
  if (!a) return nullptr;
  SmallVec<ast::CmpOp> ops;
  SmallVec<ExprNode*> comparators;
  for (;;) {
    int m = pos_;
    ast::CmpOp op;
    switch (kind()) {
      case Tok::EQEQUAL: op = ast::CmpOp::Eq; break;
      case Tok::NOTEQUAL: op = ast::CmpOp::NotEq; break;
      case Tok::LESSEQUAL: op = ast::CmpOp::LtE; break;
      case Tok::LESS: op = ast::CmpOp::Lt; break;
      case Tok::GREATEREQUAL: op = ast::CmpOp::GtE; break;
      case Tok::GREATER: op = ast::CmpOp::Gt; break;
      case Tok::KW_IN: op = ast::CmpOp::In; break;
      case Tok::KW_NOT:
        if (tok(pos_ + 1).kind != Tok::KW_IN) goto done;
        op = ast::CmpOp::NotIn;
        pos_++;
        break;
      case Tok::KW_IS:
        if (tok(pos_ + 1).kind == Tok::KW_NOT) {
          op = ast::CmpOp::IsNot;
          pos_++;
        } else {
          op = ast::CmpOp::Is;
        }
        break;
      default:
        goto done;
    }
    pos_++;
    if (ExprNode* b = bitwise_or()) {
      ops.push_back(op);
      comparators.push_back(b);
      continue;
    }
    pos_ = m;
    break;
  }
done:
  if (ops.empty()) return a;
  auto* c = node<ast::Compare>(start);
  c->left = a;
  c->ops.size = ops.size();
  c->ops.items = arena_.make_array<ast::CmpOp>(ops.size());
  for (int i = 0; i < ops.size(); i++) c->ops.items[i] = ops[i];
  c->comparators = to_list(comparators);
  return c;
}

// CPython converts a literal with PyLong_FromString, whose digit limit
// (past 640 digits; sys.set_int_max_str_digits) becomes a SyntaxError
// without columns.
ast::ConstValue Parser::number(const Token& t) {
  ast::ConstValue v = parse_number(t.text, arena_);
  size_t limit = options_.int_max_str_digits;
  if (limit == 0 || v.kind != ast::ConstKind::BigInt) return v;
  std::string_view text = t.text;
  if (text.size() > 1 && text[0] == '0') return v;  // 0x, 0o, 0b: no decimal conversion
  size_t digits = 0;
  for (char ch : text) digits += ch != '_';
  if (digits <= 640 || digits <= limit) return v;
  raise_offsets("SyntaxError", t.lineno, 0, t.end_lineno, 0,
                "Exceeds the limit (" + std::to_string(limit) + " digits) for integer string conversion: value has " +
                    std::to_string(digits) +
                    " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for "
                    "huge integer literals to avoid decimal conversion limits.");
}

#define PYR_BINOP_LOOP(next_rule, MATCH)                    \
  int start = pos_;                                         \
  ExprNode* a = next_rule();                                \
  if (!a) return nullptr;                                   \
  for (;;) {                                                \
    ast::Operator op;                                       \
    switch (kind()) {                                       \
      MATCH                                                 \
      default:                                              \
        return a;                                           \
    }                                                       \
    int m = pos_;                                           \
    pos_++;                                                 \
    ExprNode* b = next_rule();                              \
    if (!b) {                                               \
      pos_ = m;                                             \
      return a;                                             \
    }                                                       \
    if (op == ast::Operator::MatMult)                       \
      check_version(5, "The '@' operator is");              \
    auto* bin = node<ast::BinOp>(start);                    \
    bin->left = a;                                          \
    bin->op = op;                                           \
    bin->right = b;                                         \
    a = bin;                                                \
  }

ExprNode* Parser::bitwise_or() {
  return memoized_in_error_pass<ExprNode>(Memo::kBitwiseOr, [&]() -> ExprNode* {
    PYR_BINOP_LOOP(bitwise_xor, case Tok::VBAR : op = ast::Operator::BitOr; break;)
  });
}

ExprNode* Parser::bitwise_xor() {
  return memoized_in_error_pass<ExprNode>(Memo::kBitwiseXor, [&]() -> ExprNode* {
    PYR_BINOP_LOOP(bitwise_and, case Tok::CIRCUMFLEX : op = ast::Operator::BitXor; break;)
  });
}

ExprNode* Parser::bitwise_and() {
  return memoized_in_error_pass<ExprNode>(Memo::kBitwiseAnd, [&]() -> ExprNode* {
    PYR_BINOP_LOOP(shift_expr, case Tok::AMPER : op = ast::Operator::BitAnd; break;)
  });
}

ExprNode* Parser::shift_expr() {
  return memoized_in_error_pass<ExprNode>(Memo::kShiftExpr, [&]() -> ExprNode* {
    PYR_BINOP_LOOP(sum, case Tok::LEFTSHIFT : op = ast::Operator::LShift; break;
                   case Tok::RIGHTSHIFT : op = ast::Operator::RShift; break;)
  });
}

ExprNode* Parser::sum() {
  return memoized_in_error_pass<ExprNode>(Memo::kSum, [&]() -> ExprNode* {
    PYR_BINOP_LOOP(term, case Tok::PLUS : op = ast::Operator::Add; break;
                   case Tok::MINUS : op = ast::Operator::Sub; break;)
  });
}

ExprNode* Parser::term() {
  return memoized_in_error_pass<ExprNode>(Memo::kTerm, [&]() -> ExprNode* {
    PYR_BINOP_LOOP(factor, case Tok::STAR : op = ast::Operator::Mult; break;
                   case Tok::SLASH : op = ast::Operator::Div; break;
                   case Tok::DOUBLESLASH : op = ast::Operator::FloorDiv; break;
                   case Tok::PERCENT : op = ast::Operator::Mod; break;
                   case Tok::AT : op = ast::Operator::MatMult; break;)
  });
}

#undef PYR_BINOP_LOOP

ExprNode* Parser::factor() {
  return memoized_in_error_pass<ExprNode>(Memo::kFactor, [&]() -> ExprNode* {
    DepthGuard depth(this);
    int start = pos_;
    ast::UnaryOpKind op;
    switch (kind()) {
      case Tok::PLUS: op = ast::UnaryOpKind::UAdd; break;
      case Tok::MINUS: op = ast::UnaryOpKind::USub; break;
      case Tok::TILDE: op = ast::UnaryOpKind::Invert; break;
      default:
        return power();
    }
    pos_++;
    if (ExprNode* a = factor()) {
      auto* u = node<ast::UnaryOp>(start);
      u->op = op;
      u->operand = a;
      return u;
    }
    pos_ = start;
    return nullptr;
  });
}

ExprNode* Parser::power() {
  int start = pos_;
  ExprNode* a = await_primary();
  if (!a) return nullptr;
  if (at(Tok::DOUBLESTAR)) {
    int m = pos_;
    pos_++;
    if (ExprNode* b = factor()) {
      auto* bin = node<ast::BinOp>(start);
      bin->left = a;
      bin->op = ast::Operator::Pow;
      bin->right = b;
      return bin;
    }
    pos_ = m;
  }
  return a;
}

ExprNode* Parser::await_primary() {
  return memoized_in_error_pass<ExprNode>(Memo::kAwaitPrimary, [&]() -> ExprNode* {
    int start = pos_;
    if (expect(Tok::KW_AWAIT)) {
      if (ExprNode* a = primary()) {
        auto* w = node<ast::Await>(start);
        w->value = a;
        return w;
      }
      pos_ = start;
      return nullptr;
    }
    return primary();
  });
}

ExprNode* Parser::primary() {
  return memoized_in_error_pass<ExprNode>(Memo::kPrimary, [&]() -> ExprNode* {
    int start = pos_;
    ExprNode* a = atom();
    if (!a) return nullptr;
    for (;;) {
      int m = pos_;
      switch (kind()) {
        case Tok::DOT: {
          pos_++;
          if (const Token* n = expect_name()) {
            auto* at = node<ast::Attribute>(start);
            at->value = a;
            at->attr = ident(*n);
            at->ctx = ast::ExprContext::Load;
            a = at;
            continue;
          }
          pos_ = m;
          return a;
        }
        case Tok::LPAR: {
          if (ExprNode* g = genexp()) {
            auto* c = node<ast::Call>(start);
            c->func = a;
            c->args = list1(g);
            a = c;
            continue;
          }
          pos_ = m + 1;
          CallArgs* args = arguments();
          if (expect(Tok::RPAR)) {
            auto* c = node<ast::Call>(start);
            c->func = a;
            if (args) {
              c->args = args->args;
              c->keywords = args->keywords;
            }
            a = c;
            continue;
          }
          pos_ = m;
          return a;
        }
        case Tok::LSQB: {
          pos_++;
          if (ExprNode* s = slices()) {
            if (expect(Tok::RSQB)) {
              auto* sub = node<ast::Subscript>(start);
              sub->value = a;
              sub->slice = s;
              sub->ctx = ast::ExprContext::Load;
              a = sub;
              continue;
            }
          }
          pos_ = m;
          return a;
        }
        default:
          return a;
      }
    }
  });
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ExprNode* Parser::slices() {
  return memoized_in_first_pass<ExprNode>(Memo::kSlices, [&]() -> ExprNode* {
    int start = pos_;
    ExprNode* a = slice();
    if (a && !at(Tok::COMMA)) return a;
    pos_ = start;
    SmallVec<ExprNode*> elts;
    for (;;) {
      int m = pos_;
      ExprNode* e = slice();
      if (!e) e = starred_expression();
      if (!e) {
        pos_ = m;
        if (!elts.empty()) pos_--;  // the comma before was not a separator
        break;
      }
      elts.push_back(e);
      if (!expect(Tok::COMMA)) break;
    }
    if (elts.empty()) return nullptr;
    expect(Tok::COMMA);
    auto* t = node<ast::Tuple>(start);
    t->elts = to_list(elts);
    t->ctx = ast::ExprContext::Load;
    return t;
  });
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ExprNode* Parser::slice() {
  int start = pos_;
  ExprNode* lower = expression();
  if (expect(Tok::COLON)) {
    ExprNode* upper = expression();
    ExprNode* step = nullptr;
    if (expect(Tok::COLON)) step = expression();
    auto* s = node<ast::Slice>(start);
    s->lower = lower;
    s->upper = upper;
    s->step = step;
    return s;
  }
  pos_ = start;
  return named_expression();
}

ExprNode* Parser::atom() {
  const Token& t = cur();
  switch (t.kind) {
    case Tok::NAME:
      pos_++;
      return name_node(t, ast::ExprContext::Load);
    case Tok::KW_TRUE:
    case Tok::KW_FALSE:
    case Tok::KW_NONE: {
      pos_++;
      auto* c = node_tok<ast::Constant>(t);
      c->value = const_of(t.kind == Tok::KW_TRUE    ? ast::ConstKind::True
                          : t.kind == Tok::KW_FALSE ? ast::ConstKind::False
                                                    : ast::ConstKind::None);
      return c;
    }
    case Tok::STRING:
      return strings();
    case Tok::NUMBER: {
      pos_++;
      auto* c = node_tok<ast::Constant>(t);
      c->value = number(t);
      return c;
    }
    case Tok::LPAR: {
      if (ExprNode* e = tuple()) return e;
      if (ExprNode* e = group()) return e;
      return genexp();
    }
    case Tok::LSQB: {
      if (ExprNode* e = list()) return e;
      return listcomp();
    }
    case Tok::LBRACE: {
      if (ExprNode* e = dict()) return e;
      if (ExprNode* e = set()) return e;
      if (ExprNode* e = dictcomp()) return e;
      return setcomp();
    }
    case Tok::ELLIPSIS: {
      pos_++;
      auto* c = node_tok<ast::Constant>(t);
      c->value = const_of(ast::ConstKind::Ellipsis);
      return c;
    }
    default:
      return nullptr;
  }
}

// group: '(' (yield_expr | named_expression) ')'
ExprNode* Parser::group() {
  int start = pos_;
  if (!expect(Tok::LPAR)) return nullptr;
  ExprNode* a = yield_expr();
  if (!a) a = named_expression();
  if (a && expect(Tok::RPAR)) return a;
  pos_ = start;
  if (error_pass_) invalid_group();
  return nullptr;
}

// lambdef: 'lambda' [lambda_params] ':' expression
ExprNode* Parser::lambdef() {
  int start = pos_;
  if (!expect(Tok::KW_LAMBDA)) return nullptr;
  ast::Arguments* params = lambda_params();
  if (expect(Tok::COLON)) {
    if (ExprNode* body = expression()) {
      auto* l = node<ast::Lambda>(start);
      l->args = params ? params : empty_arguments();
      l->body = body;
      return l;
    }
  }
  pos_ = start;
  return nullptr;
}

ast::Arguments* Parser::lambda_params() {
  if (error_pass_) invalid_parameters(true);
  return parameters(true);
}

// list: '[' [star_named_expressions] ']'
ExprNode* Parser::list() {
  int start = pos_;
  if (!expect(Tok::LSQB)) return nullptr;
  SmallVec<ExprNode*> elts;
  star_named_expressions(elts);
  if (!expect(Tok::RSQB)) {
    pos_ = start;
    return nullptr;
  }
  auto* l = node<ast::ListExpr>(start);
  l->elts = to_list(elts);
  l->ctx = ast::ExprContext::Load;
  return l;
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
ExprNode* Parser::tuple() {
  int start = pos_;
  if (!expect(Tok::LPAR)) return nullptr;
  SmallVec<ExprNode*> elts;
  int m = pos_;
  if (ExprNode* a = star_named_expression()) {
    if (expect(Tok::COMMA)) {
      elts.push_back(a);
      star_named_expressions(elts);
    } else {
      pos_ = m;
    }
  }
  if (!expect(Tok::RPAR)) {
    pos_ = start;
    return nullptr;
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = to_list(elts);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// set: '{' star_named_expressions '}'
ExprNode* Parser::set() {
  int start = pos_;
  if (!expect(Tok::LBRACE)) return nullptr;
  SmallVec<ExprNode*> elts;
  if (star_named_expressions(elts) && expect(Tok::RBRACE)) {
    auto* s = node<ast::Set>(start);
    s->elts = to_list(elts);
    return s;
  }
  pos_ = start;
  return nullptr;
}

// dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
ExprNode* Parser::dict() {
  int start = pos_;
  if (!expect(Tok::LBRACE)) return nullptr;
  SmallVec<ExprNode*> keys, values;
  double_starred_kvpairs(keys, values);
  if (expect(Tok::RBRACE)) {
    auto* d = node<ast::Dict>(start);
    d->keys = to_list(keys);
    d->values = to_list(values);
    return d;
  }
  pos_ = start + 1;
  if (error_pass_) invalid_double_starred_kvpairs();
  pos_ = start;
  return nullptr;
}

bool Parser::double_starred_kvpairs(SmallVec<ExprNode*>& keys, SmallVec<ExprNode*>& values) {
  ExprNode *k, *v;
  if (!double_starred_kvpair(&k, &v)) return false;
  keys.push_back(k);
  values.push_back(v);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    if (!double_starred_kvpair(&k, &v)) {
      pos_ = m;
      break;
    }
    keys.push_back(k);
    values.push_back(v);
  }
  expect(Tok::COMMA);
  return true;
}

// double_starred_kvpair: '**' bitwise_or | kvpair
bool Parser::double_starred_kvpair(ExprNode** key, ExprNode** value) {
  int start = pos_;
  if (expect(Tok::DOUBLESTAR)) {
    if (ExprNode* a = bitwise_or()) {
      *key = nullptr;
      *value = a;
      return true;
    }
    pos_ = start;
  }
  return kvpair(key, value);
}

bool Parser::kvpair(ExprNode** key, ExprNode** value) {
  int start = pos_;
  if (ExprNode* a = expression()) {
    if (expect(Tok::COLON)) {
      if (ExprNode* b = expression()) {
        *key = a;
        *value = b;
        return true;
      }
    }
  }
  pos_ = start;
  return false;
}

// listcomp: '[' named_expression for_if_clauses ']'
ExprNode* Parser::listcomp() {
  int start = pos_;
  if (expect(Tok::LSQB)) {
    if (ExprNode* a = named_expression()) {
      ast::List<ast::Comprehension> gens;
      if (for_if_clauses(&gens) && expect(Tok::RSQB)) {
        auto* l = node<ast::ListComp>(start);
        l->elt = a;
        l->generators = gens;
        return l;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_comprehension();
  return nullptr;
}

// setcomp: '{' named_expression for_if_clauses '}'
ExprNode* Parser::setcomp() {
  int start = pos_;
  if (expect(Tok::LBRACE)) {
    if (ExprNode* a = named_expression()) {
      ast::List<ast::Comprehension> gens;
      if (for_if_clauses(&gens) && expect(Tok::RBRACE)) {
        auto* l = node<ast::SetComp>(start);
        l->elt = a;
        l->generators = gens;
        return l;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_comprehension();
  return nullptr;
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
ExprNode* Parser::genexp() {
  int start = pos_;
  if (expect(Tok::LPAR)) {
    ExprNode* a = assignment_expression();
    if (!a) {
      int m = pos_;
      a = expression();
      if (a && at(Tok::COLONEQUAL)) {
        a = nullptr;
        pos_ = m;
      }
    }
    if (a) {
      ast::List<ast::Comprehension> gens;
      if (for_if_clauses(&gens) && expect(Tok::RPAR)) {
        auto* g = node<ast::GeneratorExp>(start);
        g->elt = a;
        g->generators = gens;
        return g;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_comprehension();
  return nullptr;
}

// dictcomp: '{' kvpair for_if_clauses '}'
ExprNode* Parser::dictcomp() {
  int start = pos_;
  if (expect(Tok::LBRACE)) {
    ExprNode *k, *v;
    if (kvpair(&k, &v)) {
      ast::List<ast::Comprehension> gens;
      if (for_if_clauses(&gens) && expect(Tok::RBRACE)) {
        auto* d = node<ast::DictComp>(start);
        d->key = k;
        d->value = v;
        d->generators = gens;
        return d;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_dict_comprehension();
  return nullptr;
}

bool Parser::for_if_clauses(ast::List<ast::Comprehension>* out) {
  SmallVec<ast::Comprehension*> gens;
  while (ast::Comprehension* c = for_if_clause()) gens.push_back(c);
  if (gens.empty()) return false;
  *out = to_list(gens);
  return true;
}

// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
ast::Comprehension* Parser::for_if_clause() {
  int start = pos_;
  bool is_async = expect(Tok::KW_ASYNC) != nullptr;
  if (expect(Tok::KW_FOR)) {
    if (ExprNode* target = star_targets()) {
      if (expect(Tok::KW_IN)) {
        ExprNode* iter = disjunction();
        if (!iter) {
          pos_ = start;
          return nullptr;  // the cut: no other alternative
        }
        SmallVec<ExprNode*> ifs;
        while (at(Tok::KW_IF)) {
          int m = pos_;
          pos_++;
          ExprNode* c = disjunction();
          if (!c) {
            pos_ = m;
            break;
          }
          ifs.push_back(c);
        }
        auto* comp = arena_.make<ast::Comprehension>();
        comp->target = target;
        comp->iter = iter;
        comp->ifs = to_list(ifs);
        comp->is_async = is_async;
        return comp;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_for_target();
  return nullptr;
}

// arguments: args [','] &')'
CallArgs* Parser::arguments() {
  return memoized<CallArgs>(Memo::kArguments, [&]() -> CallArgs* {
    int start = pos_;
    if (CallArgs* a = args()) {
      expect(Tok::COMMA);
      if (at(Tok::RPAR)) return a;
    }
    pos_ = start;
    if (error_pass_) invalid_arguments();
    return nullptr;
  });
}

// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//     | kwargs
CallArgs* Parser::args() {
  int start = pos_;
  SmallVec<ExprNode*> positional;
  SmallVec<ast::Keyword*> keywords;
  for (;;) {
    int m = pos_;
    ExprNode* e = starred_expression();
    if (!e) {
      e = assignment_expression();
      if (!e) {
        e = expression();
        if (e && at(Tok::COLONEQUAL)) e = nullptr;
      }
      if (e && at(Tok::EQUAL)) e = nullptr;
    }
    if (!e) {
      pos_ = m;
      if (!positional.empty()) pos_--;  // back before the comma
      break;
    }
    positional.push_back(e);
    if (!expect(Tok::COMMA)) break;
  }
  if (!positional.empty()) {
    int m = pos_;
    if (expect(Tok::COMMA)) {
      if (!kwargs(positional, keywords)) pos_ = m;
    }
  } else {
    pos_ = start;
    if (!kwargs(positional, keywords)) {
      pos_ = start;
      return nullptr;
    }
  }
  auto* r = arena_.make<CallArgs>();
  r->args = to_list(positional);
  r->keywords = to_list(keywords);
  const Token& s = tokens_[start];
  const Token& e = last_token();
  r->lineno = s.lineno;
  r->col = s.col_offset;
  r->end_lineno = e.end_lineno;
  r->end_col = e.end_col_offset;
  return r;
}

// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//       | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
bool Parser::kwargs(SmallVec<ExprNode*>& starred, SmallVec<ast::Keyword*>& kws) {
  int n = 0;
  for (;;) {
    int m = pos_;
    ExprNode* s = nullptr;
    ast::Keyword* k = nullptr;
    if (!kwarg_or_starred(&s, &k)) {
      pos_ = m;
      if (n) pos_--;
      break;
    }
    n++;
    if (s) starred.push_back(s);
    if (k) kws.push_back(k);
    if (!expect(Tok::COMMA)) break;
  }
  if (n) {
    // Optionally ',' followed by the '**' part.
    int m = pos_;
    if (!expect(Tok::COMMA)) return true;
    int count = 0;
    for (;;) {
      int m2 = pos_;
      ast::Keyword* k = nullptr;
      if (!kwarg_or_double_starred(&k)) {
        pos_ = m2;
        if (count) pos_--;
        break;
      }
      count++;
      kws.push_back(k);
      if (!expect(Tok::COMMA)) break;
    }
    if (!count) pos_ = m;
    return true;
  }
  int count = 0;
  for (;;) {
    int m2 = pos_;
    ast::Keyword* k = nullptr;
    if (!kwarg_or_double_starred(&k)) {
      pos_ = m2;
      if (count) pos_--;
      break;
    }
    count++;
    kws.push_back(k);
    if (!expect(Tok::COMMA)) break;
  }
  return count > 0;
}

// starred_expression: '*' expression
ExprNode* Parser::starred_expression() {
  int start = pos_;
  if (!expect(Tok::STAR)) return nullptr;
  if (ExprNode* a = expression()) {
    auto* s = node<ast::Starred>(start);
    s->value = a;
    s->ctx = ast::ExprContext::Load;
    return s;
  }
  pos_ = start;
  return nullptr;
}

// kwarg_or_starred: NAME '=' expression | starred_expression
bool Parser::kwarg_or_starred(ExprNode** starred, ast::Keyword** kw) {
  if (error_pass_) invalid_kwarg();
  int start = pos_;
  if (at(Tok::NAME) && tok(pos_ + 1).kind == Tok::EQUAL) {
    const Token& n = cur();
    pos_ += 2;
    if (ExprNode* v = expression()) {
      auto* k = node<ast::Keyword>(start);
      k->arg = ident(n);
      k->value = v;
      *kw = k;
      return true;
    }
    pos_ = start;
  }
  if (ExprNode* s = starred_expression()) {
    *starred = s;
    return true;
  }
  return false;
}

// kwarg_or_double_starred: NAME '=' expression | '**' expression
bool Parser::kwarg_or_double_starred(ast::Keyword** kw) {
  if (error_pass_) invalid_kwarg();
  int start = pos_;
  if (at(Tok::NAME) && tok(pos_ + 1).kind == Tok::EQUAL) {
    const Token& n = cur();
    pos_ += 2;
    if (ExprNode* v = expression()) {
      auto* k = node<ast::Keyword>(start);
      k->arg = ident(n);
      k->value = v;
      *kw = k;
      return true;
    }
    pos_ = start;
  }
  if (expect(Tok::DOUBLESTAR)) {
    if (ExprNode* v = expression()) {
      auto* k = node<ast::Keyword>(start);
      k->value = v;
      *kw = k;
      return true;
    }
    pos_ = start;
  }
  return false;
}

// ---- targets -----------------------------------------------------------------

// star_targets: star_target !',' | star_target (',' star_target)* [',']
ExprNode* Parser::star_targets() {
  int start = pos_;
  ExprNode* a = star_target();
  if (!a) return nullptr;
  if (!at(Tok::COMMA)) return a;
  SmallVec<ExprNode*> elts;
  elts.push_back(a);
  while (expect(Tok::COMMA)) {
    int m = pos_;
    ExprNode* b = star_target();
    if (!b) {
      pos_ = m;
      break;
    }
    elts.push_back(b);
  }
  auto* t = node<ast::Tuple>(start);
  t->elts = to_list(elts);
  t->ctx = ast::ExprContext::Store;
  return t;
}

bool Parser::star_targets_list_seq(SmallVec<ExprNode*>& out) {
  ExprNode* a = star_target();
  if (!a) return false;
  out.push_back(a);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    ExprNode* b = star_target();
    if (!b) {
      pos_ = m;
      break;
    }
    out.push_back(b);
  }
  expect(Tok::COMMA);
  return true;
}

// star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
bool Parser::star_targets_tuple_seq(SmallVec<ExprNode*>& out) {
  int start = pos_;
  ExprNode* a = star_target();
  if (!a) return false;
  if (!at(Tok::COMMA)) {
    pos_ = start;
    return false;
  }
  out.push_back(a);
  while (expect(Tok::COMMA)) {
    int m = pos_;
    ExprNode* b = star_target();
    if (!b) {
      pos_ = m;
      break;
    }
    out.push_back(b);
  }
  return true;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
ExprNode* Parser::star_target() {
  return memoized<ExprNode>(Memo::kStarTarget, [&]() -> ExprNode* {
    DepthGuard depth(this);
    int start = pos_;
    if (expect(Tok::STAR)) {
      if (!at(Tok::STAR)) {
        if (ExprNode* a = star_target()) {
          auto* s = node<ast::Starred>(start);
          s->value = set_ctx(a, ast::ExprContext::Store);
          s->ctx = ast::ExprContext::Store;
          return s;
        }
      }
      pos_ = start;
      return nullptr;
    }
    return target_with_star_atom();
  });
}

ExprNode* Parser::target_with_star_atom() {
  return memoized<ExprNode>(Memo::kTargetWithStarAtom, [&]() -> ExprNode* {
    if (ExprNode* a = attribute_or_subscript_target(ast::ExprContext::Store)) return a;
    return star_atom();
  });
}

ExprNode* Parser::attribute_or_subscript_target(ast::ExprContext ctx) {
  int start = pos_;
  ExprNode* a = t_primary();
  if (!a) return nullptr;
  int m = pos_;
  if (expect(Tok::DOT)) {
    if (const Token* n = expect_name()) {
      if (!t_lookahead()) {
        auto* at = node<ast::Attribute>(start);
        at->value = a;
        at->attr = ident(*n);
        at->ctx = ctx;
        return at;
      }
    }
  }
  pos_ = m;
  if (expect(Tok::LSQB)) {
    if (ExprNode* s = slices()) {
      if (expect(Tok::RSQB) && !t_lookahead()) {
        auto* sub = node<ast::Subscript>(start);
        sub->value = a;
        sub->slice = s;
        sub->ctx = ctx;
        return sub;
      }
    }
  }
  pos_ = start;
  return nullptr;
}

// star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
//          | '[' [star_targets_list_seq] ']'
ExprNode* Parser::star_atom() {
  int start = pos_;
  if (const Token* n = expect_name()) return name_node(*n, ast::ExprContext::Store);
  if (expect(Tok::LPAR)) {
    if (ExprNode* a = target_with_star_atom()) {
      if (expect(Tok::RPAR)) return set_ctx(a, ast::ExprContext::Store);
    }
    pos_ = start + 1;
    SmallVec<ExprNode*> elts;
    star_targets_tuple_seq(elts);
    if (expect(Tok::RPAR)) {
      auto* t = node<ast::Tuple>(start);
      t->elts = to_list(elts);
      t->ctx = ast::ExprContext::Store;
      return t;
    }
    pos_ = start;
    return nullptr;
  }
  if (expect(Tok::LSQB)) {
    SmallVec<ExprNode*> elts;
    star_targets_list_seq(elts);
    if (expect(Tok::RSQB)) {
      auto* l = node<ast::ListExpr>(start);
      l->elts = to_list(elts);
      l->ctx = ast::ExprContext::Store;
      return l;
    }
    pos_ = start;
  }
  return nullptr;
}

// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
ExprNode* Parser::single_target() {
  DepthGuard depth(this);
  if (ExprNode* a = single_subscript_attribute_target()) return a;
  int start = pos_;
  if (const Token* n = expect_name()) return name_node(*n, ast::ExprContext::Store);
  if (expect(Tok::LPAR)) {
    if (ExprNode* a = single_target()) {
      if (expect(Tok::RPAR)) return a;
    }
    pos_ = start;
  }
  return nullptr;
}

ExprNode* Parser::single_subscript_attribute_target() {
  return attribute_or_subscript_target(ast::ExprContext::Store);
}

ExprNode* Parser::t_primary() {
  return memoized<ExprNode>(Memo::kTPrimary, [&]() -> ExprNode* {
    int start = pos_;
    ExprNode* a = atom();
    if (!a || !t_lookahead()) {
      pos_ = start;
      return nullptr;
    }
    for (;;) {
      int m = pos_;
      if (expect(Tok::DOT)) {
        if (const Token* n = expect_name()) {
          if (t_lookahead()) {
            auto* at = node<ast::Attribute>(start);
            at->value = a;
            at->attr = ident(*n);
            at->ctx = ast::ExprContext::Load;
            a = at;
            continue;
          }
        }
        pos_ = m;
      }
      if (expect(Tok::LSQB)) {
        if (ExprNode* s = slices()) {
          if (expect(Tok::RSQB) && t_lookahead()) {
            auto* sub = node<ast::Subscript>(start);
            sub->value = a;
            sub->slice = s;
            sub->ctx = ast::ExprContext::Load;
            a = sub;
            continue;
          }
        }
        pos_ = m;
      }
      if (at(Tok::LPAR)) {
        if (ExprNode* g = genexp()) {
          if (t_lookahead()) {
            auto* c = node<ast::Call>(start);
            c->func = a;
            c->args = list1(g);
            a = c;
            continue;
          }
        }
        pos_ = m;
        if (expect(Tok::LPAR)) {
          CallArgs* args = arguments();
          if (expect(Tok::RPAR) && t_lookahead()) {
            auto* c = node<ast::Call>(start);
            c->func = a;
            if (args) {
              c->args = args->args;
              c->keywords = args->keywords;
            }
            a = c;
            continue;
          }
        }
        pos_ = m;
      }
      return a;
    }
  });
}

bool Parser::del_targets(SmallVec<ExprNode*>& out) {
  ExprNode* a = del_target();
  if (!a) return false;
  out.push_back(a);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    ExprNode* b = del_target();
    if (!b) {
      pos_ = m;
      break;
    }
    out.push_back(b);
  }
  expect(Tok::COMMA);
  return true;
}

ExprNode* Parser::del_target() {
  return memoized<ExprNode>(Memo::kDelTarget, [&]() -> ExprNode* {
    DepthGuard depth(this);
    if (ExprNode* a = attribute_or_subscript_target(ast::ExprContext::Del)) return a;
    return del_t_atom();
  });
}

// del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
ExprNode* Parser::del_t_atom() {
  int start = pos_;
  if (const Token* n = expect_name()) return name_node(*n, ast::ExprContext::Del);
  if (expect(Tok::LPAR)) {
    if (ExprNode* a = del_target()) {
      if (expect(Tok::RPAR)) return set_ctx(a, ast::ExprContext::Del);
    }
    pos_ = start + 1;
    SmallVec<ExprNode*> elts;
    del_targets(elts);
    if (expect(Tok::RPAR)) {
      auto* t = node<ast::Tuple>(start);
      t->elts = to_list(elts);
      t->ctx = ast::ExprContext::Del;
      return t;
    }
    pos_ = start;
    return nullptr;
  }
  if (expect(Tok::LSQB)) {
    SmallVec<ExprNode*> elts;
    del_targets(elts);
    if (expect(Tok::RSQB)) {
      auto* l = node<ast::ListExpr>(start);
      l->elts = to_list(elts);
      l->ctx = ast::ExprContext::Del;
      return l;
    }
    pos_ = start;
  }
  return nullptr;
}

// type_expressions (func_type mode): expressions, with '*' and '**' allowed
// at the end and dropped from the result.
bool Parser::type_expressions(SmallVec<ExprNode*>& out) {
  for (;;) {
    int m = pos_;
    if (expect(Tok::STAR) || expect(Tok::DOUBLESTAR)) {
      ExprNode* e = expression();
      if (!e) {
        pos_ = m;
        return !out.empty();
      }
      out.push_back(e);
    } else {
      ExprNode* e = expression();
      if (!e) {
        pos_ = m;
        if (!out.empty()) pos_--;
        return !out.empty();
      }
      out.push_back(e);
    }
    if (!expect(Tok::COMMA)) return true;
  }
}

}  // namespace pyrite::python::parse
