// Statement rules of the Python 3.11 grammar: the start rules, simple and
// compound statements, blocks, function parameters, imports
// (docs/frontend.md).
#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

using ast::ExprNode;
using ast::StmtNode;

// ---- start rules -----------------------------------------------------------

ast::ModNode* Parser::file_rule() {
  SmallVec<StmtNode*, 16> body;
  statements(body);
  if (!expect(Tok::ENDMARKER)) return nullptr;
  auto* m = arena_.make<ast::Module>();
  m->body = to_list(body);
  // `# type: ignore` comments (only collected with type_comments).
  SmallVec<ast::TypeIgnoreNode*> ignores;
  for (const Tokenizer::TypeIgnore& ti : tokenizer_->type_ignores()) {
    auto* t = arena_.make<ast::TypeIgnore>();
    static_cast<ast::Node*>(t)->lineno = ti.lineno;
    t->lineno = ti.lineno;
    t->tag = arena_.copy(ti.tag);
    ignores.push_back(t);
  }
  m->type_ignores = to_list(ignores);
  return m;
}

// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
ast::ModNode* Parser::interactive_rule() {
  SmallVec<StmtNode*, 16> body;
  int start = pos_;
  if (StmtNode* s = compound_stmt()) {
    if (expect(Tok::NEWLINE)) {
      body.push_back(s);
    } else {
      pos_ = start;
    }
  }
  if (body.empty() && !simple_stmts(body)) {
    if (const Token* t = expect(Tok::NEWLINE)) {
      body.push_back(node_tok<ast::Pass>(*t));
    } else {
      return nullptr;  // at ENDMARKER too: CPython's interactive exit is a failure here
    }
  }
  auto* m = arena_.make<ast::Interactive>();
  m->body = to_list(body);
  return m;
}

// eval: expressions NEWLINE* ENDMARKER
ast::ModNode* Parser::eval_rule() {
  ExprNode* e = expressions();
  if (!e) return nullptr;
  while (expect(Tok::NEWLINE)) {
  }
  if (!expect(Tok::ENDMARKER)) return nullptr;
  auto* m = arena_.make<ast::Expression>();
  m->body = e;
  return m;
}

// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
ast::ModNode* Parser::func_type_rule() {
  if (!expect(Tok::LPAR)) return nullptr;
  SmallVec<ExprNode*> args;
  type_expressions(args);
  if (!expect(Tok::RPAR) || !expect(Tok::RARROW)) return nullptr;
  ExprNode* r = expression();
  if (!r) return nullptr;
  while (expect(Tok::NEWLINE)) {
  }
  if (!expect(Tok::ENDMARKER)) return nullptr;
  auto* m = arena_.make<ast::FunctionType>();
  m->argtypes = to_list(args);
  m->returns = r;
  return m;
}

// ---- statements ---------------------------------------------------------------

bool Parser::statements(SmallVec<StmtNode*, 16>& out) {
  int n = out.size();
  while (statement(out)) {
  }
  return out.size() > n;
}

bool Parser::statement(SmallVec<StmtNode*, 16>& out) {
  DepthGuard depth(this);
  if (StmtNode* s = compound_stmt()) {
    out.push_back(s);
    return true;
  }
  return simple_stmts(out);
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simple_stmts(SmallVec<StmtNode*, 16>& out) {
  int start = pos_;
  StmtNode* a = simple_stmt();
  if (!a) return false;
  if (!at(Tok::SEMI) && expect(Tok::NEWLINE)) {
    out.push_back(a);
    return true;
  }
  int n = out.size();
  out.push_back(a);
  while (at(Tok::SEMI)) {
    int m = pos_;
    pos_++;
    StmtNode* b = simple_stmt();
    if (!b) {
      pos_ = m;
      break;
    }
    out.push_back(b);
  }
  expect(Tok::SEMI);
  if (expect(Tok::NEWLINE)) return true;
  while (out.size() > n) out.pop_back();
  pos_ = start;
  return false;
}

StmtNode* Parser::simple_stmt() {
  return memoized<StmtNode>(Memo::kSimpleStmt, [&] { return simple_stmt_body(); });
}

StmtNode* Parser::simple_stmt_body() {
  int start = pos_;
  const Token& t = cur();
  // Statements that open with their keyword cannot be assignments or
  // expressions, so skip straight to them.
  switch (t.kind) {
    case Tok::KW_RETURN:
      return return_stmt();
    case Tok::KW_IMPORT:
    case Tok::KW_FROM:
      return import_stmt();
    case Tok::KW_RAISE:
      return raise_stmt();
    case Tok::KW_PASS:
      pos_++;
      return node_tok<ast::Pass>(t);
    case Tok::KW_DEL:
      return del_stmt();
    case Tok::KW_ASSERT:
      return assert_stmt();
    case Tok::KW_BREAK:
      pos_++;
      return node_tok<ast::Break>(t);
    case Tok::KW_CONTINUE:
      pos_++;
      return node_tok<ast::Continue>(t);
    case Tok::KW_GLOBAL:
      return global_stmt(false);
    case Tok::KW_NONLOCAL:
      return global_stmt(true);
    default:
      break;
  }
  if (StmtNode* s = assignment()) return s;
  if (ExprNode* e = star_expressions()) {
    auto* s = node<ast::Expr>(start);
    s->value = e;
    return s;
  }
  if (at(Tok::KW_YIELD)) {
    if (ExprNode* e = yield_expr()) {
      auto* s = node<ast::Expr>(start);
      s->value = e;
      return s;
    }
  }
  return nullptr;
}

StmtNode* Parser::compound_stmt() {
  switch (kind()) {
    case Tok::KW_DEF:
      return function_def();
    case Tok::AT:
      if (StmtNode* s = function_def()) return s;
      return class_def();
    case Tok::KW_ASYNC:
      if (StmtNode* s = function_def()) return s;
      if (StmtNode* s = with_stmt()) return s;
      return for_stmt();
    case Tok::KW_IF:
      return if_stmt(false);
    case Tok::KW_CLASS:
      return class_def();
    case Tok::KW_WITH:
      return with_stmt();
    case Tok::KW_FOR:
      return for_stmt();
    case Tok::KW_TRY:
      return try_stmt();
    case Tok::KW_WHILE:
      return while_stmt();
    case Tok::NAME:
      return match_stmt();
    default:
      return nullptr;
  }
}

// assignment:
//   | NAME ':' expression ['=' annotated_rhs]
//   | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//   | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//   | single_target augassign ~ (yield_expr | star_expressions)
StmtNode* Parser::assignment() {
  int start = pos_;
  if (at(Tok::NAME) && tok(pos_ + 1).kind == Tok::COLON) {
    const Token& n = cur();
    pos_ += 2;
    if (ExprNode* ann = expression()) {
      ExprNode* value = nullptr;
      int m = pos_;
      if (expect(Tok::EQUAL)) {
        value = annotated_rhs();
        if (!value) pos_ = m;
      }
      check_version(6, "Variable annotation syntax is");
      auto* s = node<ast::AnnAssign>(start);
      s->target = name_node(n, ast::ExprContext::Store);
      s->annotation = ann;
      s->value = value;
      s->simple = 1;
      return s;
    }
    pos_ = start;
  }
  {
    ExprNode* target = nullptr;
    if (expect(Tok::LPAR)) {
      target = single_target();
      if (!target || !expect(Tok::RPAR)) {
        target = nullptr;
        pos_ = start;
      }
    }
    if (!target) target = single_subscript_attribute_target();
    if (target && expect(Tok::COLON)) {
      if (ExprNode* ann = expression()) {
        ExprNode* value = nullptr;
        int m = pos_;
        if (expect(Tok::EQUAL)) {
          value = annotated_rhs();
          if (!value) pos_ = m;
        }
        check_version(6, "Variable annotations syntax is");  // sic, CPython 3.11's grammar
        auto* s = node<ast::AnnAssign>(start);
        s->target = target;
        s->annotation = ann;
        s->value = value;
        s->simple = 0;
        return s;
      }
    }
    pos_ = start;
  }
  {
    SmallVec<ExprNode*> targets;
    for (;;) {
      int m = pos_;
      ExprNode* t = star_targets();
      if (t && expect(Tok::EQUAL)) {
        targets.push_back(t);
        continue;
      }
      pos_ = m;
      break;
    }
    if (!targets.empty()) {
      ExprNode* value = annotated_rhs();
      if (value && !at(Tok::EQUAL)) {
        std::string_view tc = type_comment_opt();
        auto* s = node<ast::Assign>(start);
        s->targets = to_list(targets);
        s->value = value;
        s->type_comment = tc;
        return s;
      }
    }
    pos_ = start;
  }
  {
    ExprNode* target = single_target();
    ast::Operator op;
    if (target && augassign(&op)) {
      ExprNode* value = annotated_rhs();
      if (!value) {
        pos_ = start;
        return nullptr;  // the cut
      }
      auto* s = node<ast::AugAssign>(start);
      s->target = target;
      s->op = op;
      s->value = value;
      return s;
    }
    pos_ = start;
  }
  if (error_pass_) invalid_assignment();
  return nullptr;
}

ExprNode* Parser::annotated_rhs() {
  if (ExprNode* e = yield_expr()) return e;
  return star_expressions();
}

bool Parser::augassign(ast::Operator* op) {
  switch (kind()) {
    case Tok::PLUSEQUAL: *op = ast::Operator::Add; break;
    case Tok::MINEQUAL: *op = ast::Operator::Sub; break;
    case Tok::STAREQUAL: *op = ast::Operator::Mult; break;
    case Tok::ATEQUAL:
      *op = ast::Operator::MatMult;
      check_version(5, "The '@' operator is");
      break;
    case Tok::SLASHEQUAL: *op = ast::Operator::Div; break;
    case Tok::PERCENTEQUAL: *op = ast::Operator::Mod; break;
    case Tok::AMPEREQUAL: *op = ast::Operator::BitAnd; break;
    case Tok::VBAREQUAL: *op = ast::Operator::BitOr; break;
    case Tok::CIRCUMFLEXEQUAL: *op = ast::Operator::BitXor; break;
    case Tok::LEFTSHIFTEQUAL: *op = ast::Operator::LShift; break;
    case Tok::RIGHTSHIFTEQUAL: *op = ast::Operator::RShift; break;
    case Tok::DOUBLESTAREQUAL: *op = ast::Operator::Pow; break;
    case Tok::DOUBLESLASHEQUAL: *op = ast::Operator::FloorDiv; break;
    default:
      return false;
  }
  pos_++;
  return true;
}

std::string_view Parser::type_comment_opt() {
  if (const Token* t = expect(Tok::TYPE_COMMENT)) return arena_.copy(t->text);
  return {};
}

StmtNode* Parser::return_stmt() {
  int start = pos_;
  if (!expect(Tok::KW_RETURN)) return nullptr;
  ExprNode* v = star_expressions();
  auto* s = node<ast::Return>(start);
  s->value = v;
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
StmtNode* Parser::raise_stmt() {
  int start = pos_;
  if (!expect(Tok::KW_RAISE)) return nullptr;
  ExprNode* exc = expression();
  ExprNode* cause = nullptr;
  if (exc) {
    int m = pos_;
    if (expect(Tok::KW_FROM)) {
      cause = expression();
      if (!cause) pos_ = m;
    }
  }
  auto* s = node<ast::Raise>(start);
  s->exc = exc;
  s->cause = cause;
  return s;
}

StmtNode* Parser::global_stmt(bool nonlocal) {
  int start = pos_;
  pos_++;
  SmallVec<ast::Ident> names;
  const Token* n = expect_name();
  if (!n) {
    pos_ = start;
    return nullptr;
  }
  names.push_back(ident(*n));
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    n = expect_name();
    if (!n) {
      pos_ = m;
      break;
    }
    names.push_back(ident(*n));
  }
  ast::Seq<ast::Ident> seq;
  seq.size = names.size();
  seq.items = arena_.make_array<ast::Ident>(names.size());
  for (int i = 0; i < names.size(); i++) seq.items[i] = names[i];
  if (nonlocal) {
    auto* s = node<ast::Nonlocal>(start);
    s->names = seq;
    return s;
  }
  auto* s = node<ast::Global>(start);
  s->names = seq;
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
StmtNode* Parser::del_stmt() {
  int start = pos_;
  pos_++;
  SmallVec<ExprNode*> targets;
  if (del_targets(targets) && (at(Tok::SEMI) || at(Tok::NEWLINE))) {
    auto* s = node<ast::Delete>(start);
    s->targets = to_list(targets);
    return s;
  }
  pos_ = start;
  if (error_pass_) invalid_del_stmt();
  return nullptr;
}

StmtNode* Parser::assert_stmt() {
  int start = pos_;
  pos_++;
  ExprNode* test = expression();
  if (!test) {
    pos_ = start;
    return nullptr;
  }
  ExprNode* msg = nullptr;
  int m = pos_;
  if (expect(Tok::COMMA)) {
    msg = expression();
    if (!msg) pos_ = m;
  }
  auto* s = node<ast::Assert>(start);
  s->test = test;
  s->msg = msg;
  return s;
}

StmtNode* Parser::import_stmt() {
  if (at(Tok::KW_IMPORT)) return import_name();
  return import_from();
}

// import_name: 'import' dotted_as_names
StmtNode* Parser::import_name() {
  int start = pos_;
  pos_++;
  SmallVec<ast::Alias*> names;
  ast::Alias* a = dotted_as_name();
  if (!a) {
    pos_ = start;
    return nullptr;
  }
  names.push_back(a);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    a = dotted_as_name();
    if (!a) {
      pos_ = m;
      break;
    }
    names.push_back(a);
  }
  auto* s = node<ast::Import>(start);
  s->names = to_list(names);
  return s;
}

ast::Alias* Parser::dotted_as_name() {
  int start = pos_;
  ast::Name* n = dotted_name();
  if (!n) return nullptr;
  ast::Ident asname;
  int m = pos_;
  if (expect(Tok::KW_AS)) {
    if (const Token* t = expect_name()) {
      asname = ident(*t);
    } else {
      pos_ = m;
    }
  }
  auto* a = node<ast::Alias>(start);
  a->name = n->id;
  a->asname = asname;
  return a;
}

ast::Name* Parser::dotted_name() {
  return memoized<ast::Name>(Memo::kDottedName, [&]() -> ast::Name* {
    int start = pos_;
    const Token* first = expect_name();
    if (!first) return nullptr;
    std::string joined;
    bool dotted = false;
    while (at(Tok::DOT)) {
      int m = pos_;
      pos_++;
      const Token* n = expect_name();
      if (!n) {
        pos_ = m;
        break;
      }
      if (!dotted) joined.assign(ident(*first));
      dotted = true;
      joined += '.';
      joined += ident(*n);
    }
    auto* r = node<ast::Name>(start);
    r->id = dotted ? arena_.copy(joined) : ident(*first);
    r->ctx = ast::ExprContext::Load;
    return r;
  });
}

// import_from:
//   | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//   | 'from' ('.' | '...')+ 'import' import_from_targets
StmtNode* Parser::import_from() {
  int start = pos_;
  if (!expect(Tok::KW_FROM)) return nullptr;
  int level = 0;
  for (;;) {
    if (expect(Tok::DOT)) {
      level++;
    } else if (expect(Tok::ELLIPSIS)) {
      level += 3;
    } else {
      break;
    }
  }
  int after_dots = pos_;
  ast::Ident module;
  if (ast::Name* n = dotted_name()) {
    if (at(Tok::KW_IMPORT)) {
      module = n->id;
    } else {
      pos_ = after_dots;
    }
  }
  if (ast::is_none(module) && level == 0) {
    pos_ = start;
    return nullptr;
  }
  ast::List<ast::Alias> names;
  if (expect(Tok::KW_IMPORT) && import_from_targets(&names)) {
    auto* s = node<ast::ImportFrom>(start);
    s->module = module;
    s->names = names;
    s->level = level;
    return s;
  }
  pos_ = start;
  return nullptr;
}

// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
bool Parser::import_from_targets(ast::List<ast::Alias>* out) {
  int start = pos_;
  if (expect(Tok::LPAR)) {
    SmallVec<ast::Alias*> names;
    if (import_from_as_names(names)) {
      expect(Tok::COMMA);
      if (expect(Tok::RPAR)) {
        *out = to_list(names);
        return true;
      }
    }
    pos_ = start;
  }
  {
    SmallVec<ast::Alias*> names;
    if (import_from_as_names(names) && !at(Tok::COMMA)) {
      *out = to_list(names);
      return true;
    }
    pos_ = start;
  }
  if (const Token* t = expect(Tok::STAR)) {
    auto* a = node_tok<ast::Alias>(*t);
    a->name = "*";
    *out = list1(a);
    return true;
  }
  if (error_pass_) invalid_import_from_targets();
  return false;
}

bool Parser::import_from_as_names(SmallVec<ast::Alias*>& out) {
  ast::Alias* a = import_from_as_name();
  if (!a) return false;
  out.push_back(a);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    a = import_from_as_name();
    if (!a) {
      pos_ = m;
      break;
    }
    out.push_back(a);
  }
  return true;
}

ast::Alias* Parser::import_from_as_name() {
  int start = pos_;
  const Token* n = expect_name();
  if (!n) return nullptr;
  ast::Ident asname;
  int m = pos_;
  if (expect(Tok::KW_AS)) {
    if (const Token* t = expect_name()) {
      asname = ident(*t);
    } else {
      pos_ = m;
    }
  }
  auto* a = node<ast::Alias>(start);
  a->name = ident(*n);
  a->asname = asname;
  return a;
}

// ---- blocks and definitions ----------------------------------------------------

ast::List<StmtNode>* Parser::block() {
  return memoized<ast::List<StmtNode>>(Memo::kBlock, [&] { return block_body(); });
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
ast::List<StmtNode>* Parser::block_body() {
  int start = pos_;
  SmallVec<StmtNode*, 16> body;
  if (expect(Tok::NEWLINE)) {
    if (expect(Tok::INDENT) && statements(body) && expect(Tok::DEDENT)) {
      auto* l = arena_.make<ast::List<StmtNode>>(to_list(body));
      return l;
    }
    pos_ = start;
    body.clear();
  }
  if (simple_stmts(body)) return arena_.make<ast::List<StmtNode>>(to_list(body));
  if (error_pass_) invalid_block();
  return nullptr;
}

bool Parser::decorators(ast::List<ExprNode>* out) {
  SmallVec<ExprNode*> decs;
  for (;;) {
    int m = pos_;
    if (!expect(Tok::AT)) break;
    ExprNode* e = named_expression();
    if (!e || !expect(Tok::NEWLINE)) {
      pos_ = m;
      break;
    }
    decs.push_back(e);
  }
  if (decs.empty()) return false;
  *out = to_list(decs);
  return true;
}

StmtNode* Parser::class_def() {
  int start = pos_;
  ast::List<ExprNode> decs;
  if (decorators(&decs)) {
    if (StmtNode* s = class_def_raw()) {
      static_cast<ast::ClassDef*>(s)->decorator_list = decs;
      return s;
    }
    pos_ = start;
    return nullptr;
  }
  return class_def_raw();
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
StmtNode* Parser::class_def_raw() {
  if (error_pass_) invalid_class_def_raw();
  int start = pos_;
  if (!expect(Tok::KW_CLASS)) return nullptr;
  const Token* name = expect_name();
  if (!name) {
    pos_ = start;
    return nullptr;
  }
  CallArgs* args = nullptr;
  int m = pos_;
  if (expect(Tok::LPAR)) {
    args = arguments();
    if (!expect(Tok::RPAR)) {
      args = nullptr;
      pos_ = m;
    }
  }
  if (expect(Tok::COLON)) {
    if (ast::List<StmtNode>* body = block()) {
      auto* c = node<ast::ClassDef>(start);
      c->name = ident(*name);
      if (args) {
        c->bases = args->args;
        c->keywords = args->keywords;
      }
      c->body = *body;
      return c;
    }
  }
  pos_ = start;
  return nullptr;
}

StmtNode* Parser::function_def() {
  int start = pos_;
  ast::List<ExprNode> decs;
  if (decorators(&decs)) {
    if (StmtNode* s = function_def_raw()) {
      if (auto* f = ast::as<ast::FunctionDef>(s)) {
        auto* g = arena_.make<ast::FunctionDef>(*f);
        g->decorator_list = decs;
        return g;
      }
      auto* g = arena_.make<ast::AsyncFunctionDef>(*static_cast<ast::AsyncFunctionDef*>(s));
      g->decorator_list = decs;
      return g;
    }
    pos_ = start;
    return nullptr;
  }
  return function_def_raw();
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':'
//                   [func_type_comment] block
StmtNode* Parser::function_def_raw() {
  if (error_pass_) invalid_def_raw();
  int start = pos_;
  bool is_async = expect(Tok::KW_ASYNC) != nullptr;
  if (!expect(Tok::KW_DEF)) {
    pos_ = start;
    return nullptr;
  }
  const Token* name = expect_name();
  if (!name) {
    pos_ = start;
    return nullptr;
  }
  expect_forced(Tok::LPAR);
  ast::Arguments* args = params();
  if (!expect(Tok::RPAR)) {
    pos_ = start;
    return nullptr;
  }
  ExprNode* returns = nullptr;
  int m = pos_;
  if (expect(Tok::RARROW)) {
    returns = expression();
    if (!returns) pos_ = m;
  }
  expect_forced(Tok::COLON);
  std::string_view tc = func_type_comment();
  ast::List<StmtNode>* body = block();
  if (!body) {
    pos_ = start;
    return nullptr;
  }
  if (is_async) {
    check_version(5, "Async functions are");
    auto* f = node<ast::AsyncFunctionDef>(start);
    f->name = ident(*name);
    f->args = args ? args : empty_arguments();
    f->body = *body;
    f->returns = returns;
    f->type_comment = tc;
    return f;
  }
  auto* f = node<ast::FunctionDef>(start);
  f->name = ident(*name);
  f->args = args ? args : empty_arguments();
  f->body = *body;
  f->returns = returns;
  f->type_comment = tc;
  return f;
}

// func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | TYPE_COMMENT
std::string_view Parser::func_type_comment() {
  if (!options_.type_comments) return {};
  int start = pos_;
  if (expect(Tok::NEWLINE)) {
    if (const Token* t = expect(Tok::TYPE_COMMENT)) {
      if (at(Tok::NEWLINE) && tok(pos_ + 1).kind == Tok::INDENT) return arena_.copy(t->text);
    }
    pos_ = start;
  }
  if (error_pass_) invalid_double_type_comments();
  if (const Token* t = expect(Tok::TYPE_COMMENT)) return arena_.copy(t->text);
  return {};
}

ast::Arguments* Parser::params() {
  if (error_pass_) invalid_parameters(false);
  return parameters(false);
}

// parameters:
//   | slash_no_default param_no_default* param_with_default* [star_etc]
//   | slash_with_default param_with_default* [star_etc]
//   | param_no_default+ param_with_default* [star_etc]
//   | param_with_default+ [star_etc]
//   | star_etc
ast::Arguments* Parser::parameters(bool lambda) {
  int start = pos_;
  NameDefault nd;
  {
    SmallVec<ast::Arg*> slash;
    if (slash_no_default(slash, lambda)) {
      SmallVec<ast::Arg*> plain;
      while (ast::Arg* a = param_no_default(lambda)) plain.push_back(a);
      SmallVec<NameDefault> with;
      while (param_with_default(&nd, lambda)) with.push_back(nd);
      StarEtc star;
      bool has_star = star_etc(&star, lambda);
      check_version(8, "Positional-only parameters are");
      return make_arguments(&slash, nullptr, nullptr, &plain, &with, has_star ? &star : nullptr);
    }
    pos_ = start;
  }
  {
    SmallVec<ast::Arg*> slash_plain;
    SmallVec<NameDefault> slash_with;
    if (slash_with_default(slash_plain, slash_with, lambda)) {
      SmallVec<NameDefault> with;
      while (param_with_default(&nd, lambda)) with.push_back(nd);
      StarEtc star;
      bool has_star = star_etc(&star, lambda);
      check_version(8, "Positional-only parameters are");
      return make_arguments(nullptr, &slash_plain, &slash_with, nullptr, &with, has_star ? &star : nullptr);
    }
    pos_ = start;
  }
  {
    SmallVec<ast::Arg*> plain;
    while (ast::Arg* a = param_no_default(lambda)) plain.push_back(a);
    if (!plain.empty()) {
      SmallVec<NameDefault> with;
      while (param_with_default(&nd, lambda)) with.push_back(nd);
      StarEtc star;
      bool has_star = star_etc(&star, lambda);
      return make_arguments(nullptr, nullptr, nullptr, &plain, &with, has_star ? &star : nullptr);
    }
    pos_ = start;
  }
  {
    SmallVec<NameDefault> with;
    while (param_with_default(&nd, lambda)) with.push_back(nd);
    if (!with.empty()) {
      StarEtc star;
      bool has_star = star_etc(&star, lambda);
      return make_arguments(nullptr, nullptr, nullptr, nullptr, &with, has_star ? &star : nullptr);
    }
    pos_ = start;
  }
  StarEtc star;
  if (star_etc(&star, lambda)) return make_arguments(nullptr, nullptr, nullptr, nullptr, nullptr, &star);
  pos_ = start;
  return nullptr;
}

// The closing token a parameter list ends at: ')' for def, ':' for lambda.
static Tok params_end(bool lambda) { return lambda ? Tok::COLON : Tok::RPAR; }

// slash_no_default: param_no_default+ '/' (',' | &')')
bool Parser::slash_no_default(SmallVec<ast::Arg*>& out, bool lambda) {
  int start = pos_;
  while (ast::Arg* a = param_no_default(lambda)) out.push_back(a);
  if (!out.empty() && expect(Tok::SLASH)) {
    if (expect(Tok::COMMA) || at(params_end(lambda))) return true;
  }
  out.clear();
  pos_ = start;
  return false;
}

// slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')
bool Parser::slash_with_default(SmallVec<ast::Arg*>& plain, SmallVec<NameDefault>& with, bool lambda) {
  int start = pos_;
  while (ast::Arg* a = param_no_default(lambda)) plain.push_back(a);
  NameDefault nd;
  while (param_with_default(&nd, lambda)) with.push_back(nd);
  if (!with.empty() && expect(Tok::SLASH)) {
    if (expect(Tok::COMMA) || at(params_end(lambda))) return true;
  }
  plain.clear();
  with.clear();
  pos_ = start;
  return false;
}

// star_etc:
//   | '*' param_no_default param_maybe_default* [kwds]
//   | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//   | '*' ',' param_maybe_default+ [kwds]
//   | kwds
bool Parser::star_etc(StarEtc* out, bool lambda) {
  if (error_pass_) invalid_star_etc(lambda);
  int start = pos_;
  NameDefault nd;
  if (expect(Tok::STAR)) {
    ast::Arg* a = param_no_default(lambda);
    if (!a && !lambda) a = param_no_default_star_annotation();
    if (a) {
      out->vararg = a;
      while (param_maybe_default(&nd, lambda)) out->kwonly.push_back(nd);
      out->kwarg = kwds(lambda);
      return true;
    }
    if (expect(Tok::COMMA)) {
      while (param_maybe_default(&nd, lambda)) out->kwonly.push_back(nd);
      if (!out->kwonly.empty()) {
        out->kwarg = kwds(lambda);
        return true;
      }
    }
    out->kwonly.clear();
    pos_ = start;
  }
  if (ast::Arg* k = kwds(lambda)) {
    out->kwarg = k;
    return true;
  }
  return false;
}

// kwds: '**' param_no_default
ast::Arg* Parser::kwds(bool lambda) {
  if (error_pass_) invalid_kwds(lambda);
  int start = pos_;
  if (expect(Tok::DOUBLESTAR)) {
    if (ast::Arg* a = param_no_default(lambda)) return a;
    pos_ = start;
  }
  return nullptr;
}

// param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
ast::Arg* Parser::param_no_default(bool lambda) {
  int start = pos_;
  ast::Arg* a = param(lambda);
  if (!a) return nullptr;
  if (expect(Tok::COMMA)) {
    if (!lambda) {
      std::string_view tc = type_comment_opt();
      if (!tc.empty()) a->type_comment = tc;
    }
    return a;
  }
  if (!lambda) {
    std::string_view tc = type_comment_opt();
    if (!tc.empty()) a->type_comment = tc;
  }
  if (at(params_end(lambda))) return a;
  pos_ = start;
  return nullptr;
}

// param_no_default_star_annotation: NAME ':' star_expression (',' | &')')
ast::Arg* Parser::param_no_default_star_annotation() {
  int start = pos_;
  const Token* n = expect_name();
  if (n && expect(Tok::COLON)) {
    if (ExprNode* ann = star_expression()) {
      auto* a = node<ast::Arg>(start);
      a->arg = ident(*n);
      a->annotation = ann;
      if (expect(Tok::COMMA)) {
        type_comment_opt();
        return a;
      }
      type_comment_opt();
      if (at(Tok::RPAR)) return a;
    }
  }
  pos_ = start;
  return nullptr;
}

// param_with_default: param default ',' TYPE_COMMENT? | param default TYPE_COMMENT? &')'
bool Parser::param_with_default(NameDefault* out, bool lambda) {
  int start = pos_;
  ast::Arg* a = param(lambda);
  if (a) {
    if (ExprNode* d = default_value()) {
      if (expect(Tok::COMMA) || (type_comment_opt(), at(params_end(lambda)))) {
        if (!lambda) type_comment_opt();
        out->arg = a;
        out->value = d;
        return true;
      }
    }
  }
  pos_ = start;
  return false;
}

// param_maybe_default: param default? ',' TYPE_COMMENT? | param default? TYPE_COMMENT? &')'
bool Parser::param_maybe_default(NameDefault* out, bool lambda) {
  int start = pos_;
  ast::Arg* a = param(lambda);
  if (a) {
    ExprNode* d = default_value();
    if (expect(Tok::COMMA) || (type_comment_opt(), at(params_end(lambda)))) {
      if (!lambda) type_comment_opt();
      out->arg = a;
      out->value = d;
      return true;
    }
  }
  pos_ = start;
  return false;
}

// param: NAME annotation?   lambda_param: NAME
ast::Arg* Parser::param(bool lambda) {
  int start = pos_;
  const Token* n = expect_name();
  if (!n) return nullptr;
  ExprNode* ann = nullptr;
  if (!lambda && at(Tok::COLON)) {
    int m = pos_;
    pos_++;
    ann = expression();
    if (!ann) pos_ = m;
  }
  auto* a = node<ast::Arg>(start);
  a->arg = ident(*n);
  a->annotation = ann;
  return a;
}

// default: '=' expression | invalid_default
ExprNode* Parser::default_value() {
  int start = pos_;
  if (expect(Tok::EQUAL)) {
    if (ExprNode* e = expression()) return e;
    pos_ = start;
  }
  if (error_pass_) invalid_default();
  return nullptr;
}

ast::Arguments* Parser::make_arguments(SmallVec<ast::Arg*>* slash_plain, SmallVec<ast::Arg*>* slash_with_plain,
                                       SmallVec<NameDefault>* slash_with, SmallVec<ast::Arg*>* plain,
                                       SmallVec<NameDefault>* with, StarEtc* star) {
  auto* r = arena_.make<ast::Arguments>();
  SmallVec<ast::Arg*> posonly, args;
  SmallVec<ExprNode*> defaults;
  if (slash_plain) {
    for (ast::Arg* a : *slash_plain) posonly.push_back(a);
  } else if (slash_with_plain) {
    for (ast::Arg* a : *slash_with_plain) posonly.push_back(a);
    for (NameDefault& nd : *slash_with) {
      posonly.push_back(nd.arg);
      defaults.push_back(nd.value);
    }
  }
  if (plain)
    for (ast::Arg* a : *plain) args.push_back(a);
  if (with)
    for (NameDefault& nd : *with) {
      args.push_back(nd.arg);
      defaults.push_back(nd.value);
    }
  r->posonlyargs = to_list(posonly);
  r->args = to_list(args);
  r->defaults = to_list(defaults);
  if (star) {
    r->vararg = star->vararg;
    SmallVec<ast::Arg*> kwonly;
    SmallVec<ExprNode*> kwdefaults;
    for (NameDefault& nd : star->kwonly) {
      kwonly.push_back(nd.arg);
      kwdefaults.push_back(nd.value);
    }
    r->kwonlyargs = to_list(kwonly);
    r->kw_defaults = to_list(kwdefaults);
    r->kwarg = star->kwarg;
  }
  return r;
}

// ---- compound statements --------------------------------------------------------

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: the same, opened by 'elif'
StmtNode* Parser::if_stmt(bool elif) {
  if (error_pass_) invalid_if_stmt(elif);
  int start = pos_;
  if (!expect(elif ? Tok::KW_ELIF : Tok::KW_IF)) return nullptr;
  ExprNode* test = named_expression();
  if (test && expect(Tok::COLON)) {
    if (ast::List<StmtNode>* body = block()) {
      if (at(Tok::KW_ELIF)) {
        if (StmtNode* e = if_stmt(true)) {
          auto* s = node<ast::If>(start);
          s->test = test;
          s->body = *body;
          s->orelse = list1(e);
          return s;
        }
      }
      ast::List<StmtNode>* orelse = else_block();
      auto* s = node<ast::If>(start);
      s->test = test;
      s->body = *body;
      if (orelse) s->orelse = *orelse;
      return s;
    }
  }
  pos_ = start;
  return nullptr;
}

// else_block: 'else' &&':' block
ast::List<StmtNode>* Parser::else_block() {
  if (error_pass_) invalid_else_stmt();
  int start = pos_;
  if (!expect(Tok::KW_ELSE)) return nullptr;
  expect_forced(Tok::COLON);
  if (ast::List<StmtNode>* b = block()) return b;
  pos_ = start;
  return nullptr;
}

StmtNode* Parser::while_stmt() {
  if (error_pass_) invalid_while_stmt();
  int start = pos_;
  if (!expect(Tok::KW_WHILE)) return nullptr;
  ExprNode* test = named_expression();
  if (test && expect(Tok::COLON)) {
    if (ast::List<StmtNode>* body = block()) {
      ast::List<StmtNode>* orelse = else_block();
      auto* s = node<ast::While>(start);
      s->test = test;
      s->body = *body;
      if (orelse) s->orelse = *orelse;
      return s;
    }
  }
  pos_ = start;
  return nullptr;
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
StmtNode* Parser::for_stmt() {
  if (error_pass_) invalid_for_stmt();
  int start = pos_;
  bool is_async = expect(Tok::KW_ASYNC) != nullptr;
  if (expect(Tok::KW_FOR)) {
    ExprNode* target = star_targets();
    if (target && expect(Tok::KW_IN)) {
      ExprNode* iter = star_expressions();
      if (iter && expect(Tok::COLON)) {
        std::string_view tc = type_comment_opt();
        if (ast::List<StmtNode>* body = block()) {
          ast::List<StmtNode>* orelse = else_block();
          if (is_async) {
            auto* s = node<ast::AsyncFor>(start);
            s->target = target;
            s->iter = iter;
            s->body = *body;
            if (orelse) s->orelse = *orelse;
            s->type_comment = tc;
            return s;
          }
          auto* s = node<ast::For>(start);
          s->target = target;
          s->iter = iter;
          s->body = *body;
          if (orelse) s->orelse = *orelse;
          s->type_comment = tc;
          return s;
        }
      }
      pos_ = start;
      return nullptr;  // the cut after 'in'
    }
  }
  pos_ = start;
  if (error_pass_) invalid_for_target();
  return nullptr;
}

// with_stmt:
//   | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//   | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
StmtNode* Parser::with_stmt() {
  if (error_pass_) invalid_with_stmt_indent();
  int start = pos_;
  bool is_async = expect(Tok::KW_ASYNC) != nullptr;
  if (!expect(Tok::KW_WITH)) {
    pos_ = start;
    return nullptr;
  }
  int after_with = pos_;
  for (int alt = 0; alt < 2; alt++) {
    pos_ = after_with;
    bool parens = alt == 0;
    if (parens && !expect(Tok::LPAR)) continue;
    SmallVec<ast::WithItem*> items;
    ast::WithItem* w = with_item();
    if (!w) continue;
    items.push_back(w);
    while (at(Tok::COMMA)) {
      int m = pos_;
      pos_++;
      w = with_item();
      if (!w) {
        pos_ = m;
        break;
      }
      items.push_back(w);
    }
    if (parens) {
      expect(Tok::COMMA);
      if (!expect(Tok::RPAR)) continue;
    }
    if (!expect(Tok::COLON)) continue;
    std::string_view tc = parens ? std::string_view() : type_comment_opt();
    ast::List<StmtNode>* body = block();
    if (!body) continue;
    if (is_async) check_version(5, "Async with statements are");
    else if (parens) check_version(9, "Parenthesized context managers are");
    if (is_async) {
      auto* s = node<ast::AsyncWith>(start);
      s->items = to_list(items);
      s->body = *body;
      s->type_comment = tc;
      return s;
    }
    auto* s = node<ast::With>(start);
    s->items = to_list(items);
    s->body = *body;
    s->type_comment = tc;
    return s;
  }
  pos_ = start;
  if (error_pass_) invalid_with_stmt();
  return nullptr;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
ast::WithItem* Parser::with_item() {
  int start = pos_;
  ExprNode* e = expression();
  if (!e) return nullptr;
  int m = pos_;
  if (expect(Tok::KW_AS)) {
    if (ExprNode* t = star_target()) {
      if (at(Tok::COMMA) || at(Tok::RPAR) || at(Tok::COLON)) {
        auto* w = arena_.make<ast::WithItem>();
        w->context_expr = e;
        w->optional_vars = t;
        return w;
      }
    }
  }
  pos_ = m;
  if (error_pass_) {
    pos_ = start;
    invalid_with_item();
    pos_ = m;
  }
  auto* w = arena_.make<ast::WithItem>();
  w->context_expr = e;
  return w;
}

// try_stmt:
//   | 'try' &&':' block finally_block
//   | 'try' &&':' block except_block+ [else_block] [finally_block]
//   | 'try' &&':' block except_star_block+ [else_block] [finally_block]
StmtNode* Parser::try_stmt() {
  if (error_pass_) invalid_try_stmt();
  int start = pos_;
  if (!expect(Tok::KW_TRY)) return nullptr;
  expect_forced(Tok::COLON);
  ast::List<StmtNode>* body = block();
  if (!body) {
    pos_ = start;
    return nullptr;
  }
  int after_body = pos_;
  if (ast::List<StmtNode>* fin = finally_block()) {
    auto* s = node<ast::Try>(start);
    s->body = *body;
    s->finalbody = *fin;
    return s;
  }
  for (int star = 0; star < 2; star++) {
    pos_ = after_body;
    SmallVec<ast::ExceptHandlerNode*> handlers;
    while (ast::ExceptHandlerNode* h = except_block(star)) handlers.push_back(h);
    if (handlers.empty()) continue;
    ast::List<StmtNode>* orelse = else_block();
    ast::List<StmtNode>* fin = finally_block();
    if (star) {
      check_version(11, "Exception groups are");
      auto* s = node<ast::TryStar>(start);
      s->body = *body;
      s->handlers = to_list(handlers);
      if (orelse) s->orelse = *orelse;
      if (fin) s->finalbody = *fin;
      return s;
    }
    auto* s = node<ast::Try>(start);
    s->body = *body;
    s->handlers = to_list(handlers);
    if (orelse) s->orelse = *orelse;
    if (fin) s->finalbody = *fin;
    return s;
  }
  pos_ = start;
  return nullptr;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
ast::ExceptHandlerNode* Parser::except_block(bool star) {
  if (error_pass_) invalid_except_stmt_indent(star);
  int start = pos_;
  if (!expect(Tok::KW_EXCEPT)) return nullptr;
  if (star && !expect(Tok::STAR)) {
    pos_ = start;
    return nullptr;
  }
  int after = pos_;
  if (ExprNode* type = expression()) {
    ast::Ident name;
    int m = pos_;
    if (expect(Tok::KW_AS)) {
      if (const Token* n = expect_name()) {
        name = ident(*n);
      } else {
        pos_ = m;
      }
    }
    if (expect(Tok::COLON)) {
      if (ast::List<StmtNode>* body = block()) {
        auto* h = node<ast::ExceptHandler>(start);
        h->type = type;
        h->name = name;
        h->body = *body;
        return h;
      }
    }
  }
  pos_ = after;
  if (!star && expect(Tok::COLON)) {
    if (ast::List<StmtNode>* body = block()) {
      auto* h = node<ast::ExceptHandler>(start);
      h->body = *body;
      return h;
    }
  }
  pos_ = start;
  if (error_pass_) invalid_except_stmt();
  return nullptr;
}

// finally_block: 'finally' &&':' block
ast::List<StmtNode>* Parser::finally_block() {
  if (error_pass_) invalid_finally_stmt();
  int start = pos_;
  if (!expect(Tok::KW_FINALLY)) return nullptr;
  expect_forced(Tok::COLON);
  if (ast::List<StmtNode>* b = block()) return b;
  pos_ = start;
  return nullptr;
}

}  // namespace pyrite::python::parse
