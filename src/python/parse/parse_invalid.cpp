// The error-pass rules (invalid_* in CPython 3.11's grammar): run only in
// the second pass, each recognizes one common mistake and raises CPython's
// message at CPython's location (docs/frontend.md).
//
// Every rule either throws ParseAbort with error_ filled, or returns with
// pos_ where it started.
#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

using ast::ExprNode;

namespace {

// Puts pos_ back when a rule returns without raising.
struct Rewind {
  int& pos;
  int mark;
  ~Rewind() { pos = mark; }
};

bool is_legacy_name(ExprNode* e) {
  auto* n = ast::as<ast::Name>(e);
  return n && (n->id == "print" || n->id == "exec");
}

}  // namespace

const char* Parser::expr_name(ExprNode* e) {
  switch (e->kind) {
    case ast::Kind::Attribute: return "attribute";
    case ast::Kind::Subscript: return "subscript";
    case ast::Kind::Starred: return "starred";
    case ast::Kind::Name: return "name";
    case ast::Kind::ListExpr: return "list";
    case ast::Kind::Tuple: return "tuple";
    case ast::Kind::Lambda: return "lambda";
    case ast::Kind::Call: return "function call";
    case ast::Kind::BoolOp:
    case ast::Kind::BinOp:
    case ast::Kind::UnaryOp: return "expression";
    case ast::Kind::GeneratorExp: return "generator expression";
    case ast::Kind::Yield:
    case ast::Kind::YieldFrom: return "yield expression";
    case ast::Kind::Await: return "await expression";
    case ast::Kind::ListComp: return "list comprehension";
    case ast::Kind::SetComp: return "set comprehension";
    case ast::Kind::DictComp: return "dict comprehension";
    case ast::Kind::Dict: return "dict literal";
    case ast::Kind::Set: return "set display";
    case ast::Kind::JoinedStr:
    case ast::Kind::FormattedValue: return "f-string expression";
    case ast::Kind::Constant:
      switch (static_cast<ast::Constant*>(e)->value.kind) {
        case ast::ConstKind::None: return "None";
        case ast::ConstKind::False: return "False";
        case ast::ConstKind::True: return "True";
        case ast::ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case ast::Kind::Compare: return "comparison";
    case ast::Kind::IfExp: return "conditional expression";
    case ast::Kind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

namespace {

// The first sub-expression of `e` that cannot be a target of `kind`, or
// nullptr when all of it can.
ExprNode* find_invalid_target(ExprNode* e, int kind /* 0 star, 1 del, 2 for */) {
  if (!e) return nullptr;
  switch (e->kind) {
    case ast::Kind::ListExpr:
      for (ExprNode* x : static_cast<ast::ListExpr*>(e)->elts)
        if (ExprNode* c = find_invalid_target(x, kind)) return c;
      return nullptr;
    case ast::Kind::Tuple:
      for (ExprNode* x : static_cast<ast::Tuple*>(e)->elts)
        if (ExprNode* c = find_invalid_target(x, kind)) return c;
      return nullptr;
    case ast::Kind::Starred:
      if (kind == 1) return e;
      return find_invalid_target(static_cast<ast::Starred*>(e)->value, kind);
    case ast::Kind::Compare: {
      // `for a in b` arrives here as the comparison `a in b`.
      auto* c = static_cast<ast::Compare*>(e);
      if (kind == 2) {
        if (c->ops[0] == ast::CmpOp::In) return find_invalid_target(c->left, kind);
        return nullptr;
      }
      return e;
    }
    case ast::Kind::Name:
    case ast::Kind::Subscript:
    case ast::Kind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

}  // namespace

void Parser::raise_invalid_target(Targets kind, ExprNode* e) {
  ExprNode* t = find_invalid_target(e, kind == Targets::kStar ? 0 : kind == Targets::kDel ? 1 : 2);
  if (!t) return;
  std::string msg = kind == Targets::kDel ? "cannot delete " : "cannot assign to ";
  raise_at(t, msg + expr_name(t));
}

ExprNode* Parser::expression_without_invalid() {
  bool saved = error_pass_;
  error_pass_ = false;
  struct Restore {
    bool& flag;
    bool value;
    ~Restore() { flag = value; }
  } restore{error_pass_, saved};
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

// invalid_expression:
//   | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
//   | disjunction 'if' disjunction !('else'|':')
void Parser::invalid_expression() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  bool blocked = false;
  if (at(Tok::NAME)) {
    if (tok(pos_ + 1).kind == Tok::STRING) blocked = true;
    // CPython compares only the token's length of each soft keyword, so
    // any prefix of "match" or "case" ("m", "ca", ...) counts as one here.
    std::string_view t = cur().text;
    for (std::string_view kw : {"match", "case", "_"})
      if (!t.empty() && kw.substr(0, t.size()) == t) blocked = true;
  }
  if (!blocked) {
    if (ExprNode* a = disjunction()) {
      if (ExprNode* b = expression_without_invalid()) {
        if (!is_legacy_name(a) && levels_[pos_ - 1] != 0)
          raise_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
      }
    }
    pos_ = start;
  }
  if (ExprNode* a = disjunction()) {
    if (expect(Tok::KW_IF)) {
      if (ExprNode* b = disjunction()) {
        if (!at(Tok::KW_ELSE) && !at(Tok::COLON)) raise_range(a, b, "expected 'else' after 'if' expression");
      }
    }
  }
}

// invalid_legacy_expression: NAME !'(' star_expressions
void Parser::invalid_legacy_expression() {
  Rewind rw{pos_, pos_};
  const Token* n = expect_name();
  if (!n || at(Tok::LPAR)) return;
  if (ExprNode* b = star_expressions()) {
    if (n->text == "print" || n->text == "exec") {
      std::string name(n->text);
      raise_tok_node(*n, b, "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
    }
  }
}

// invalid_named_expression (memo):
//   | expression ':=' expression
//   | NAME '=' bitwise_or !('='|':=')
//   | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
void Parser::invalid_named_expression() {
  int start = pos_;
  if (start < static_cast<int>(invalid_named_failed_.size()) && invalid_named_failed_[start]) return;
  Rewind rw{pos_, pos_};
  if (ExprNode* a = expression()) {
    if (expect(Tok::COLONEQUAL)) {
      if (expression()) raise_at(a, std::string("cannot use assignment expressions with ") + expr_name(a));
    }
  }
  pos_ = start;
  if (at(Tok::NAME) && tok(pos_ + 1).kind == Tok::EQUAL) {
    const Token& n = cur();
    pos_ += 2;
    if (ExprNode* b = bitwise_or()) {
      if (!at(Tok::EQUAL) && !at(Tok::COLONEQUAL))
        raise_tok_node(n, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  pos_ = start;
  bool blocked = false;
  if (list() || tuple() || genexp()) blocked = true;
  pos_ = start;
  if (at(Tok::KW_TRUE) || at(Tok::KW_NONE) || at(Tok::KW_FALSE)) blocked = true;
  if (!blocked) {
    if (ExprNode* a = bitwise_or()) {
      if (expect(Tok::EQUAL)) {
        if (bitwise_or()) {
          if (!at(Tok::EQUAL) && !at(Tok::COLONEQUAL))
            raise_at(a, std::string("cannot assign to ") + expr_name(a) + " here. Maybe you meant '==' instead of '='?");
        }
      }
    }
  }
  if (start >= static_cast<int>(invalid_named_failed_.size())) invalid_named_failed_.resize(start + 64, false);
  invalid_named_failed_[start] = true;
}

// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
bool Parser::invalid_ann_assign_target(ExprNode** out) {
  int start = pos_;
  if (ExprNode* a = list()) {
    *out = a;
    return true;
  }
  if (ExprNode* a = tuple()) {
    *out = a;
    return true;
  }
  if (expect(Tok::LPAR)) {
    if (invalid_ann_assign_target(out) && expect(Tok::RPAR)) return true;
  }
  pos_ = start;
  return false;
}

void Parser::invalid_assignment() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  ExprNode* a = nullptr;
  if (invalid_ann_assign_target(&a) && expect(Tok::COLON) && expression())
    raise_at(a, std::string("only single target (not ") + expr_name(a) + ") can be annotated");
  pos_ = start;
  if ((a = star_named_expression())) {
    if (expect(Tok::COMMA)) {
      for (;;) {
        SmallVec<ExprNode*> tmp;
        int m = pos_;
        if (!star_named_expressions(tmp) || pos_ == m) break;
      }
      if (expect(Tok::COLON) && expression()) raise_at(a, "only single target (not tuple) can be annotated");
    }
  }
  pos_ = start;
  if ((a = expression())) {
    if (expect(Tok::COLON) && expression()) raise_at(a, "illegal target for annotation");
  }
  auto skip_targets = [&] {
    for (;;) {
      int m = pos_;
      if (star_targets() && expect(Tok::EQUAL)) continue;
      pos_ = m;
      break;
    }
  };
  pos_ = start;
  skip_targets();
  if ((a = star_expressions())) {
    if (expect(Tok::EQUAL)) raise_invalid_target(Targets::kStar, a);
  }
  pos_ = start;
  skip_targets();
  if ((a = yield_expr())) {
    if (expect(Tok::EQUAL)) raise_at(a, "assignment to yield expression not possible");
  }
  pos_ = start;
  if ((a = star_expressions())) {
    ast::Operator op;
    if (augassign(&op) && annotated_rhs())
      raise_at(a, std::string("'") + expr_name(a) + "' is an illegal expression for augmented assignment");
  }
}

// invalid_del_stmt: 'del' star_expressions
void Parser::invalid_del_stmt() {
  Rewind rw{pos_, pos_};
  if (!expect(Tok::KW_DEL)) return;
  if (ExprNode* a = star_expressions()) raise_invalid_target(Targets::kDel, a);
}

// invalid_block: NEWLINE !INDENT
void Parser::invalid_block() {
  Rewind rw{pos_, pos_};
  if (expect(Tok::NEWLINE) && !at(Tok::INDENT)) raise_indentation("expected an indented block");
}

// invalid_comprehension:
//   | ('[' | '(' | '{') starred_expression for_if_clauses
//   | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
//   | ('[' | '{') star_named_expression ',' for_if_clauses
void Parser::invalid_comprehension() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  ast::List<ast::Comprehension> gens;
  if (expect(Tok::LSQB) || expect(Tok::LPAR) || expect(Tok::LBRACE)) {
    if (ExprNode* a = starred_expression()) {
      if (for_if_clauses(&gens)) raise_at(a, "iterable unpacking cannot be used in comprehension");
    }
  }
  pos_ = start;
  if (expect(Tok::LSQB) || expect(Tok::LBRACE)) {
    int m = pos_;
    if (ExprNode* a = star_named_expression()) {
      if (expect(Tok::COMMA)) {
        SmallVec<ExprNode*> b;
        if (star_named_expressions(b) && for_if_clauses(&gens))
          raise_range(a, b.back(), "did you forget parentheses around the comprehension target?");
      }
    }
    pos_ = m;
    if (ExprNode* a = star_named_expression()) {
      if (const Token* c = expect(Tok::COMMA)) {
        if (for_if_clauses(&gens))
          raise_node_tok(a, *c, "did you forget parentheses around the comprehension target?");
      }
    }
  }
}

// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
void Parser::invalid_dict_comprehension() {
  Rewind rw{pos_, pos_};
  if (!expect(Tok::LBRACE)) return;
  const Token* a = expect(Tok::DOUBLESTAR);
  if (!a || !bitwise_or()) return;
  ast::List<ast::Comprehension> gens;
  if (for_if_clauses(&gens) && at(Tok::RBRACE)) {
    pos_++;
    raise_tok(*a, "dict unpacking cannot be used in dict comprehension");
  }
}

bool Parser::invalid_parameters_helper_match(bool lambda) {
  int start = pos_;
  SmallVec<ast::Arg*> plain;
  SmallVec<NameDefault> with;
  if (slash_with_default(plain, with, lambda)) return true;
  NameDefault nd;
  int n = 0;
  while (param_with_default(&nd, lambda)) n++;
  if (n) return true;
  pos_ = start;
  return false;
}

void Parser::invalid_parameters(bool lambda) {
  Rewind rw{pos_, pos_};
  int start = pos_;
  NameDefault nd;
  // param_no_default* invalid_parameters_helper param_no_default
  while (param_no_default(lambda)) {
  }
  if (invalid_parameters_helper_match(lambda)) {
    if (ast::Arg* a = param_no_default(lambda)) raise_at(a, "non-default argument follows default argument");
  }
  pos_ = start;
  // param_no_default* '(' param_no_default+ ','? ')'
  while (param_no_default(lambda)) {
  }
  if (const Token* a = expect(Tok::LPAR)) {
    bool any = false;
    if (!lambda) {
      while (param_no_default(false)) any = true;
    } else {
      while (param(true)) {
        any = true;
        int m = pos_;
        if (!expect(Tok::COMMA) || !at(Tok::NAME)) {
          pos_ = m;
          break;
        }
      }
    }
    if (any) {
      expect(Tok::COMMA);
      if (const Token* b = expect(Tok::RPAR))
        raise_tok_range(*a, *b,
                        lambda ? "Lambda expression parameters cannot be parenthesized"
                               : "Function parameters cannot be parenthesized");
    }
  }
  pos_ = start;
  // "/" ','
  if (const Token* a = expect(Tok::SLASH)) {
    if (expect(Tok::COMMA)) raise_tok(*a, "at least one argument must precede /");
  }
  pos_ = start;
  // (slash_no_default | slash_with_default) param_maybe_default* '/'
  {
    SmallVec<ast::Arg*> x;
    SmallVec<NameDefault> y;
    if (slash_no_default(x, lambda) || slash_with_default(x, y, lambda)) {
      while (param_maybe_default(&nd, lambda)) {
      }
      if (const Token* a = expect(Tok::SLASH)) raise_tok(*a, "/ may appear only once");
    }
  }
  pos_ = start;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
  // param_maybe_default* '/'
  {
    SmallVec<ast::Arg*> x;
    SmallVec<NameDefault> y;
    if (!slash_no_default(x, lambda)) slash_with_default(x, y, lambda);
    while (param_maybe_default(&nd, lambda)) {
    }
    if (expect(Tok::STAR)) {
      if (expect(Tok::COMMA) || param_no_default(lambda)) {
        while (param_maybe_default(&nd, lambda)) {
        }
        if (const Token* a = expect(Tok::SLASH)) raise_tok(*a, "/ must be ahead of *");
      }
    }
  }
  pos_ = start;
  // param_maybe_default+ '/' '*'
  {
    int n = 0;
    while (param_maybe_default(&nd, lambda)) n++;
    if (n && expect(Tok::SLASH)) {
      if (const Token* a = expect(Tok::STAR)) raise_tok(*a, "expected comma between / and *");
    }
  }
}

// invalid_default: '=' &(')'|',')
void Parser::invalid_default() {
  if (at(Tok::EQUAL)) {
    Tok next = tok(pos_ + 1).kind;
    if (next == Tok::RPAR || next == Tok::COMMA) raise_tok(cur(), "expected default value expression");
  }
}

void Parser::invalid_star_etc(bool lambda) {
  Rewind rw{pos_, pos_};
  int start = pos_;
  Tok close = lambda ? Tok::COLON : Tok::RPAR;
  NameDefault nd;
  // '*' (')' | ',' (')' | '**'))
  if (const Token* a = expect(Tok::STAR)) {
    bool hit = false;
    if (expect(close)) {
      hit = true;
    } else if (expect(Tok::COMMA)) {
      if (expect(close) || expect(Tok::DOUBLESTAR)) hit = true;
    }
    if (hit) {
      if (lambda) raise_last("named arguments must follow bare *");
      raise_tok(*a, "named arguments must follow bare *");
    }
  }
  pos_ = start;
  if (!lambda && expect(Tok::STAR) && expect(Tok::COMMA) && expect(Tok::TYPE_COMMENT))
    raise_last("bare * has associated type comment");
  pos_ = start;
  // '*' param '='
  if (expect(Tok::STAR) && param(lambda)) {
    if (at(Tok::EQUAL)) raise_tok(cur(), "var-positional argument cannot have default value");
  }
  pos_ = start;
  // '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
  if (expect(Tok::STAR)) {
    if (param_no_default(lambda) || expect(Tok::COMMA)) {
      while (param_maybe_default(&nd, lambda)) {
      }
      if (const Token* a = expect(Tok::STAR)) {
        if (param_no_default(lambda) || expect(Tok::COMMA)) raise_tok(*a, "* argument may appear only once");
      }
    }
  }
}

void Parser::invalid_kwds(bool lambda) {
  Rewind rw{pos_, pos_};
  if (!expect(Tok::DOUBLESTAR) || !param(lambda)) return;
  if (at(Tok::EQUAL)) raise_tok(cur(), "var-keyword argument cannot have default value");
  if (!expect(Tok::COMMA)) return;
  int m = pos_;
  if (ast::Arg* a = param(lambda)) raise_at(a, "arguments cannot follow var-keyword argument");
  pos_ = m;
  if (at(Tok::STAR) || at(Tok::DOUBLESTAR) || at(Tok::SLASH))
    raise_tok(cur(), "arguments cannot follow var-keyword argument");
}

// invalid_double_type_comments: TYPE_COMMENT NEWLINE TYPE_COMMENT NEWLINE INDENT
void Parser::invalid_double_type_comments() {
  Rewind rw{pos_, pos_};
  if (expect(Tok::TYPE_COMMENT) && expect(Tok::NEWLINE) && expect(Tok::TYPE_COMMENT) && expect(Tok::NEWLINE) &&
      at(Tok::INDENT)) {
    pos_++;
    raise_last("Cannot have two type comments on def");
  }
}

// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
void Parser::invalid_with_item() {
  Rewind rw{pos_, pos_};
  if (!expression() || !expect(Tok::KW_AS)) return;
  if (ExprNode* a = expression()) {
    if (at(Tok::COMMA) || at(Tok::RPAR) || at(Tok::COLON)) raise_invalid_target(Targets::kStar, a);
  }
}

// invalid_for_target: ASYNC? 'for' star_expressions
void Parser::invalid_for_target() {
  Rewind rw{pos_, pos_};
  expect(Tok::KW_ASYNC);
  if (!expect(Tok::KW_FOR)) return;
  if (ExprNode* a = star_expressions()) raise_invalid_target(Targets::kFor, a);
}

// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
void Parser::invalid_group() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  if (!expect(Tok::LPAR)) return;
  if (ExprNode* a = starred_expression()) {
    if (expect(Tok::RPAR)) raise_at(a, "cannot use starred expression here");
  }
  pos_ = start + 1;
  if (const Token* a = expect(Tok::DOUBLESTAR)) {
    if (expression() && expect(Tok::RPAR)) raise_tok(*a, "cannot use double starred expression here");
  }
}

// invalid_import_from_targets: import_from_as_names ',' NEWLINE
void Parser::invalid_import_from_targets() {
  Rewind rw{pos_, pos_};
  SmallVec<ast::Alias*> names;
  if (import_from_as_names(names) && expect(Tok::COMMA) && at(Tok::NEWLINE))
    raise_last("trailing comma not allowed without surrounding parentheses");
}

// invalid_with_stmt:
//   | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
//   | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
void Parser::invalid_with_stmt() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  expect(Tok::KW_ASYNC);
  if (!expect(Tok::KW_WITH)) return;
  int after = pos_;
  auto items = [&](bool parens) -> bool {
    int n = 0;
    for (;;) {
      int m = pos_;
      ExprNode* e = parens ? expressions() : expression();
      if (!e) {
        pos_ = m;
        if (n) pos_--;
        break;
      }
      int m2 = pos_;
      if (!(expect(Tok::KW_AS) && star_target())) pos_ = m2;
      n++;
      if (!expect(Tok::COMMA)) break;
    }
    return n > 0;
  };
  auto newline = [&] {
    if (at(Tok::NEWLINE)) {
      pos_++;
      raise_last("expected ':'");
    }
  };
  if (items(false)) newline();
  pos_ = after;
  if (expect(Tok::LPAR) && items(true)) {
    expect(Tok::COMMA);
    if (expect(Tok::RPAR)) newline();
  }
  (void)start;
}

// invalid_with_stmt_indent: [ASYNC] 'with' items ':' NEWLINE !INDENT (both spellings)
void Parser::invalid_with_stmt_indent() {
  Rewind rw{pos_, pos_};
  expect(Tok::KW_ASYNC);
  const Token* a = expect(Tok::KW_WITH);
  if (!a) return;
  int after = pos_;
  auto items = [&](bool parens) -> bool {
    int n = 0;
    for (;;) {
      int m = pos_;
      ExprNode* e = parens ? expressions() : expression();
      if (!e) {
        pos_ = m;
        if (n) pos_--;
        break;
      }
      int m2 = pos_;
      if (!(expect(Tok::KW_AS) && star_target())) pos_ = m2;
      n++;
      if (!expect(Tok::COMMA)) break;
    }
    return n > 0;
  };
  auto indent_check = [&] {
    if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
      raise_indentation("expected an indented block after 'with' statement on line " + std::to_string(a->lineno));
  };
  if (items(false)) indent_check();
  pos_ = after;
  if (expect(Tok::LPAR) && items(true)) {
    expect(Tok::COMMA);
    if (expect(Tok::RPAR)) indent_check();
  }
}

void Parser::invalid_try_stmt() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  const Token* a = expect(Tok::KW_TRY);
  if (!a) return;
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'try' statement on line " + std::to_string(a->lineno));
  pos_ = start + 1;
  if (expect(Tok::COLON) && block()) {
    if (!at(Tok::KW_EXCEPT) && !at(Tok::KW_FINALLY)) raise_last("expected 'except' or 'finally' block");
  }
  // 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
  // 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
  for (int star = 0; star < 2; star++) {
    pos_ = start + 1;
    if (!expect(Tok::COLON)) return;
    while (block()) {
    }
    int n = 0;
    while (except_block(star)) n++;
    if (!n) continue;
    const Token* e = expect(Tok::KW_EXCEPT);
    if (!e) continue;
    if (!star) {
      const Token* s = expect(Tok::STAR);
      if (!s || !expression()) continue;
      int m = pos_;
      if (!(expect(Tok::KW_AS) && expect_name())) pos_ = m;
      if (expect(Tok::COLON)) raise_tok_range(*e, *s, "cannot have both 'except' and 'except*' on the same 'try'");
    } else {
      int m = pos_;
      if (expression()) {
        int m2 = pos_;
        if (!(expect(Tok::KW_AS) && expect_name())) pos_ = m2;
      } else {
        pos_ = m;
      }
      if (expect(Tok::COLON)) raise_tok(*e, "cannot have both 'except' and 'except*' on the same 'try'");
    }
  }
}

void Parser::invalid_except_stmt() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  if (!expect(Tok::KW_EXCEPT)) return;
  // 'except' '*'? expression ',' expressions ['as' NAME] ':'
  expect(Tok::STAR);
  if (ExprNode* a = expression()) {
    if (expect(Tok::COMMA) && expressions()) {
      int m = pos_;
      if (!(expect(Tok::KW_AS) && expect_name())) pos_ = m;
      if (expect(Tok::COLON)) raise_starting_from(a, "multiple exception types must be parenthesized");
    }
  }
  // 'except' '*'? expression ['as' NAME] NEWLINE
  pos_ = start + 1;
  expect(Tok::STAR);
  if (expression()) {
    int m = pos_;
    if (!(expect(Tok::KW_AS) && expect_name())) pos_ = m;
    if (at(Tok::NEWLINE)) {
      pos_++;
      raise_last("expected ':'");
    }
  }
  pos_ = start + 1;
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::STAR) && (at(Tok::NEWLINE) || at(Tok::COLON))) {
    pos_++;
    raise_last("expected one or more exception types");
  }
}

void Parser::invalid_finally_stmt() {
  Rewind rw{pos_, pos_};
  const Token* a = expect(Tok::KW_FINALLY);
  if (a && expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'finally' statement on line " + std::to_string(a->lineno));
}

void Parser::invalid_except_stmt_indent(bool star) {
  Rewind rw{pos_, pos_};
  int start = pos_;
  const Token* a = expect(Tok::KW_EXCEPT);
  if (!a) return;
  if (star && !expect(Tok::STAR)) return;
  std::string what = star ? "'except*'" : "'except'";
  if (expression()) {
    int m = pos_;
    if (!(expect(Tok::KW_AS) && expect_name())) pos_ = m;
    if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
      raise_indentation("expected an indented block after " + what + " statement on line " +
                        std::to_string(a->lineno));
  }
  if (star) return;
  pos_ = start + 1;
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'except' statement on line " + std::to_string(a->lineno));
}

// invalid_match_stmt:
//   | "match" subject_expr NEWLINE
//   | "match" subject_expr ':' NEWLINE !INDENT
void Parser::invalid_match_stmt() {
  Rewind rw{pos_, pos_};
  const Token* a = expect_soft("match");
  if (!a || !subject_expr()) return;
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'match' statement on line " + std::to_string(a->lineno));
}

// invalid_case_block:
//   | "case" patterns guard? NEWLINE
//   | "case" patterns guard? ':' NEWLINE !INDENT
void Parser::invalid_case_block() {
  Rewind rw{pos_, pos_};
  const Token* a = expect_soft("case");
  if (!a || !patterns()) return;
  int m = pos_;
  if (!(expect(Tok::KW_IF) && named_expression())) pos_ = m;
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'case' statement on line " + std::to_string(a->lineno));
}

// invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression
void Parser::invalid_as_pattern() {
  Rewind rw{pos_, pos_};
  if (!or_pattern() || !expect(Tok::KW_AS)) return;
  if (at_soft("_")) raise_tok(cur(), "cannot use '_' as a target");
  if (at(Tok::NAME)) return;
  if (ExprNode* a = expression()) raise_at(a, "invalid pattern target");
}

bool Parser::invalid_class_argument_pattern(ast::PatternNode** first, ast::PatternNode** last) {
  // [positional_patterns ','] keyword_patterns ',' positional_patterns
  int start = pos_;
  auto positional = [&](SmallVec<ast::PatternNode*>& out) -> bool {
    int n = 0;
    for (;;) {
      int m = pos_;
      ast::PatternNode* p = pattern();
      if (!p) {
        pos_ = m;
        if (n) pos_--;
        break;
      }
      out.push_back(p);
      n++;
      if (!expect(Tok::COMMA)) break;
    }
    return n > 0;
  };
  for (int with_positional = 1; with_positional >= 0; with_positional--) {
    pos_ = start;
    SmallVec<ast::PatternNode*> pre;
    if (with_positional && !(positional(pre) && expect(Tok::COMMA))) continue;
    SmallVec<const Token*> names;
    SmallVec<ast::PatternNode*> pats;
    if (!keyword_patterns(names, pats) || !expect(Tok::COMMA)) continue;
    SmallVec<ast::PatternNode*> post;
    if (positional(post)) {
      *first = post[0];
      *last = post.back();
      return true;
    }
  }
  pos_ = start;
  return false;
}

// invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
void Parser::invalid_class_pattern() {
  Rewind rw{pos_, pos_};
  if (!name_or_attr() || !expect(Tok::LPAR)) return;
  ast::PatternNode *first, *last;
  if (invalid_class_argument_pattern(&first, &last))
    raise_range(first, last, "positional patterns follow keyword patterns");
}

// invalid_if_stmt / invalid_elif_stmt:
//   | 'if' named_expression NEWLINE
//   | 'if' named_expression ':' NEWLINE !INDENT
void Parser::invalid_if_stmt(bool elif) {
  Rewind rw{pos_, pos_};
  const Token* a = expect(elif ? Tok::KW_ELIF : Tok::KW_IF);
  if (!a || !named_expression()) return;
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation(std::string("expected an indented block after '") + (elif ? "elif" : "if") +
                      "' statement on line " + std::to_string(a->lineno));
}

// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
void Parser::invalid_else_stmt() {
  Rewind rw{pos_, pos_};
  const Token* a = expect(Tok::KW_ELSE);
  if (a && expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'else' statement on line " + std::to_string(a->lineno));
}

void Parser::invalid_while_stmt() {
  Rewind rw{pos_, pos_};
  const Token* a = expect(Tok::KW_WHILE);
  if (!a || !named_expression()) return;
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'while' statement on line " + std::to_string(a->lineno));
}

void Parser::invalid_for_stmt() {
  Rewind rw{pos_, pos_};
  expect(Tok::KW_ASYNC);
  const Token* a = expect(Tok::KW_FOR);
  if (!a || !star_targets() || !expect(Tok::KW_IN) || !star_expressions()) return;
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after 'for' statement on line " + std::to_string(a->lineno));
}

// invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
void Parser::invalid_def_raw() {
  Rewind rw{pos_, pos_};
  expect(Tok::KW_ASYNC);
  const Token* a = expect(Tok::KW_DEF);
  if (!a || !expect_name() || !expect(Tok::LPAR)) return;
  params();
  if (!expect(Tok::RPAR)) return;
  int m = pos_;
  if (!(expect(Tok::RARROW) && expression())) pos_ = m;
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after function definition on line " + std::to_string(a->lineno));
}

// invalid_class_def_raw:
//   | 'class' NAME ['(' [arguments] ')'] NEWLINE
//   | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
void Parser::invalid_class_def_raw() {
  Rewind rw{pos_, pos_};
  const Token* a = expect(Tok::KW_CLASS);
  if (!a || !expect_name()) return;
  int m = pos_;
  if (expect(Tok::LPAR)) {
    arguments();
    if (!expect(Tok::RPAR)) pos_ = m;
  }
  if (at(Tok::NEWLINE)) {
    pos_++;
    raise_last("expected ':'");
  }
  if (expect(Tok::COLON) && expect(Tok::NEWLINE) && !at(Tok::INDENT))
    raise_indentation("expected an indented block after class definition on line " + std::to_string(a->lineno));
}

// invalid_double_starred_kvpairs:
//   | ','.double_starred_kvpair+ ',' invalid_kvpair
//   | expression ':' '*' bitwise_or
//   | expression ':' &('}'|',')
void Parser::invalid_double_starred_kvpairs() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  {
    int n = 0;
    ExprNode *k, *v;
    for (;;) {
      int m = pos_;
      if (!double_starred_kvpair(&k, &v)) {
        pos_ = m;
        if (n) pos_--;
        break;
      }
      n++;
      if (!expect(Tok::COMMA)) break;
    }
    if (n && expect(Tok::COMMA)) invalid_kvpair();
  }
  pos_ = start;
  if (expression()) {
    if (const Token* c = expect(Tok::COLON)) {
      int m = pos_;
      if (const Token* a = expect(Tok::STAR)) {
        if (bitwise_or()) raise_starting_from_tok(*a, "cannot use a starred expression in a dictionary value");
      }
      pos_ = m;
      if (at(Tok::RBRACE) || at(Tok::COMMA)) raise_tok(*c, "expression expected after dictionary key and ':'");
    }
  }
}

// invalid_kvpair:
//   | expression !(':')
//   | expression ':' '*' bitwise_or
//   | expression ':' &('}'|',')
void Parser::invalid_kvpair() {
  Rewind rw{pos_, pos_};
  ExprNode* a = expression();
  if (!a) return;
  if (!at(Tok::COLON))
    raise("SyntaxError", a->lineno, a->end_col_offset - 1, a->end_lineno, -1, "':' expected after dictionary key");
  const Token* c = expect(Tok::COLON);
  int m = pos_;
  if (const Token* s = expect(Tok::STAR)) {
    if (bitwise_or()) raise_starting_from_tok(*s, "cannot use a starred expression in a dictionary value");
  }
  pos_ = m;
  if (at(Tok::RBRACE) || at(Tok::COMMA)) raise_tok(*c, "expression expected after dictionary key and ':'");
}

// invalid_arguments:
//   | args ',' '*'
//   | expression for_if_clauses ',' [args | expression for_if_clauses]
//   | NAME '=' expression for_if_clauses
//   | args for_if_clauses
//   | args ',' expression for_if_clauses
//   | args ',' args
void Parser::invalid_arguments() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  auto last_item = [](ast::List<ast::Comprehension> gens) -> ExprNode* {
    ast::Comprehension* c = gens[gens.size - 1];
    if (c->ifs.size) return c->ifs[c->ifs.size - 1];
    return c->iter;
  };
  ast::List<ast::Comprehension> gens;
  if (CallArgs* a = args(); a && expect(Tok::COMMA) && expect(Tok::STAR)) {
    raise("SyntaxError", a->lineno, a->col, a->end_lineno, a->end_col,
          "iterable argument unpacking follows keyword argument unpacking");
  }
  pos_ = start;
  if (ExprNode* a = expression()) {
    if (for_if_clauses(&gens) && expect(Tok::COMMA)) {
      int m = pos_;
      if (!args()) {
        pos_ = m;
        ast::List<ast::Comprehension> g2;
        if (!(expression() && for_if_clauses(&g2))) pos_ = m;
      }
      raise_range(a, last_item(gens), "Generator expression must be parenthesized");
    }
  }
  pos_ = start;
  if (at(Tok::NAME) && tok(pos_ + 1).kind == Tok::EQUAL) {
    const Token& n = cur();
    const Token& eq = tok(pos_ + 1);
    pos_ += 2;
    if (expression() && for_if_clauses(&gens))
      raise_tok_range(n, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  pos_ = start;
  if (CallArgs* a = args()) {
    if (for_if_clauses(&gens)) {
      if (a->args.size > 1)
        raise_range(a->args[a->args.size - 1], last_item(gens), "Generator expression must be parenthesized");
    }
  }
  pos_ = start;
  if (args() && expect(Tok::COMMA)) {
    if (ExprNode* a = expression()) {
      if (for_if_clauses(&gens)) raise_range(a, last_item(gens), "Generator expression must be parenthesized");
    }
  }
  pos_ = start;
  if (CallArgs* a = args()) {
    if (expect(Tok::COMMA) && args()) {
      bool unpacking = false;
      for (ast::Keyword* k : a->keywords)
        if (ast::is_none(k->arg)) unpacking = true;
      raise_last(unpacking ? "positional argument follows keyword argument unpacking"
                           : "positional argument follows keyword argument");
    }
  }
}

// invalid_kwarg:
//   | ('True'|'False'|'None') '='
//   | NAME '=' expression for_if_clauses
//   | !(NAME '=') expression '='
void Parser::invalid_kwarg() {
  Rewind rw{pos_, pos_};
  int start = pos_;
  if ((at(Tok::KW_TRUE) || at(Tok::KW_FALSE) || at(Tok::KW_NONE)) && tok(pos_ + 1).kind == Tok::EQUAL)
    raise_tok_range(cur(), tok(pos_ + 1), std::string("cannot assign to ") + std::string(cur().text));
  if (at(Tok::NAME) && tok(pos_ + 1).kind == Tok::EQUAL) {
    const Token& n = cur();
    const Token& eq = tok(pos_ + 1);
    pos_ += 2;
    ast::List<ast::Comprehension> gens;
    if (expression() && for_if_clauses(&gens))
      raise_tok_range(n, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return;
  }
  pos_ = start;
  if (ExprNode* a = expression()) {
    if (at(Tok::EQUAL))
      raise_node_tok(a, cur(), "expression cannot contain assignment, perhaps you meant \"==\"?");
  }
}

}  // namespace pyrite::python::parse
