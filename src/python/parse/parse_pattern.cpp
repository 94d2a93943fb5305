// The match statement and its patterns (PEP 634) in the Python 3.11
// grammar (docs/frontend.md). `match`, `case` and `_` are soft keywords:
// NAME tokens recognized here by their spelling.
#include "python/parse/literals.h"
#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

using ast::ExprNode;
using ast::PatternNode;

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
ast::StmtNode* Parser::match_stmt() {
  if (!at_soft("match")) return nullptr;
  int start = pos_;
  pos_++;
  if (ExprNode* subject = subject_expr()) {
    if (expect(Tok::COLON) && expect(Tok::NEWLINE) && expect(Tok::INDENT)) {
      SmallVec<ast::MatchCase*> cases;
      while (ast::MatchCase* c = case_block()) cases.push_back(c);
      if (!cases.empty() && expect(Tok::DEDENT)) {
        check_version(10, "Pattern matching is");
        auto* m = node<ast::Match>(start);
        m->subject = subject;
        m->cases = to_list(cases);
        return m;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_match_stmt();
  return nullptr;
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
ExprNode* Parser::subject_expr() {
  int start = pos_;
  if (ExprNode* a = star_named_expression()) {
    if (expect(Tok::COMMA)) {
      SmallVec<ExprNode*> elts;
      elts.push_back(a);
      star_named_expressions(elts);
      auto* t = node<ast::Tuple>(start);
      t->elts = to_list(elts);
      t->ctx = ast::ExprContext::Load;
      return t;
    }
    pos_ = start;
  }
  return named_expression();
}

// case_block: "case" patterns guard? ':' block
ast::MatchCase* Parser::case_block() {
  if (error_pass_) invalid_case_block();
  int start = pos_;
  if (!expect_soft("case")) return nullptr;
  if (PatternNode* p = patterns()) {
    ExprNode* guard = nullptr;
    int m = pos_;
    if (expect(Tok::KW_IF)) {
      guard = named_expression();
      if (!guard) pos_ = m;
    }
    if (expect(Tok::COLON)) {
      if (ast::List<ast::StmtNode>* body = block()) {
        auto* c = arena_.make<ast::MatchCase>();
        c->pattern = p;
        c->guard = guard;
        c->body = *body;
        return c;
      }
    }
  }
  pos_ = start;
  return nullptr;
}

// patterns: open_sequence_pattern | pattern
PatternNode* Parser::patterns() {
  int start = pos_;
  SmallVec<PatternNode*> pats;
  if (open_sequence_pattern(pats)) {
    auto* s = node<ast::MatchSequence>(start);
    s->patterns = to_list(pats);
    return s;
  }
  pos_ = start;
  return pattern();
}

PatternNode* Parser::pattern() {
  DepthGuard depth(this);
  if (PatternNode* p = as_pattern()) return p;
  return or_pattern();
}

// as_pattern: or_pattern 'as' pattern_capture_target
PatternNode* Parser::as_pattern() {
  int start = pos_;
  if (PatternNode* p = or_pattern()) {
    if (expect(Tok::KW_AS)) {
      if (const Token* t = pattern_capture_target()) {
        auto* a = node<ast::MatchAs>(start);
        a->pattern = p;
        a->name = ident(*t);
        return a;
      }
    }
  }
  pos_ = start;
  if (error_pass_) invalid_as_pattern();
  return nullptr;
}

// or_pattern: '|'.closed_pattern+
PatternNode* Parser::or_pattern() {
  int start = pos_;
  PatternNode* a = closed_pattern();
  if (!a) return nullptr;
  if (!at(Tok::VBAR)) return a;
  SmallVec<PatternNode*> pats;
  pats.push_back(a);
  while (at(Tok::VBAR)) {
    int m = pos_;
    pos_++;
    PatternNode* b = closed_pattern();
    if (!b) {
      pos_ = m;
      break;
    }
    pats.push_back(b);
  }
  if (pats.size() == 1) return a;
  auto* o = node<ast::MatchOr>(start);
  o->patterns = to_list(pats);
  return o;
}

PatternNode* Parser::closed_pattern() {
  return memoized<PatternNode>(Memo::kClosedPattern, [&] { return closed_pattern_body(); });
}

PatternNode* Parser::closed_pattern_body() {
  if (PatternNode* p = literal_pattern()) return p;
  if (PatternNode* p = capture_pattern()) return p;
  if (PatternNode* p = wildcard_pattern()) return p;
  if (PatternNode* p = value_pattern()) return p;
  if (PatternNode* p = group_pattern()) return p;
  if (PatternNode* p = sequence_pattern()) return p;
  if (PatternNode* p = mapping_pattern()) return p;
  return class_pattern();
}

namespace {

bool at_sign(Tok k) { return k == Tok::PLUS || k == Tok::MINUS; }

}  // namespace

// literal_pattern: signed_number !('+' | '-') | complex_number | strings | None | True | False
PatternNode* Parser::literal_pattern() {
  int start = pos_;
  if (ExprNode* e = signed_number()) {
    if (!at_sign(kind())) {
      auto* v = node<ast::MatchValue>(start);
      v->value = e;
      return v;
    }
    pos_ = start;
  }
  if (ExprNode* e = complex_number()) {
    auto* v = node<ast::MatchValue>(start);
    v->value = e;
    return v;
  }
  if (at(Tok::STRING)) {
    if (ExprNode* e = strings()) {
      auto* v = node<ast::MatchValue>(start);
      v->value = e;
      return v;
    }
  }
  const Token& t = cur();
  ast::ConstKind k;
  switch (t.kind) {
    case Tok::KW_NONE: k = ast::ConstKind::None; break;
    case Tok::KW_TRUE: k = ast::ConstKind::True; break;
    case Tok::KW_FALSE: k = ast::ConstKind::False; break;
    default:
      return nullptr;
  }
  pos_++;
  auto* s = node_tok<ast::MatchSingleton>(t);
  s->value.kind = k;
  return s;
}

// literal_expr: the same as literal_pattern, as expressions (mapping keys)
ExprNode* Parser::literal_expr() {
  int start = pos_;
  if (ExprNode* e = signed_number()) {
    if (!at_sign(kind())) return e;
    pos_ = start;
  }
  if (ExprNode* e = complex_number()) return e;
  if (at(Tok::STRING)) {
    if (ExprNode* e = strings()) return e;
  }
  const Token& t = cur();
  ast::ConstKind k;
  switch (t.kind) {
    case Tok::KW_NONE: k = ast::ConstKind::None; break;
    case Tok::KW_TRUE: k = ast::ConstKind::True; break;
    case Tok::KW_FALSE: k = ast::ConstKind::False; break;
    default:
      return nullptr;
  }
  pos_++;
  auto* c = node_tok<ast::Constant>(t);
  c->value.kind = k;
  return c;
}

// complex_number: signed_real_number ('+' | '-') imaginary_number
ExprNode* Parser::complex_number() {
  int start = pos_;
  if (ExprNode* real = signed_real_number()) {
    ast::Operator op;
    if (at(Tok::PLUS) || at(Tok::MINUS)) {
      op = at(Tok::PLUS) ? ast::Operator::Add : ast::Operator::Sub;
      pos_++;
      if (ExprNode* imag = imaginary_number()) {
        auto* b = node<ast::BinOp>(start);
        b->left = real;
        b->op = op;
        b->right = imag;
        return b;
      }
    }
  }
  pos_ = start;
  return nullptr;
}

// signed_number: NUMBER | '-' NUMBER
ExprNode* Parser::signed_number() {
  int start = pos_;
  if (const Token* t = expect(Tok::NUMBER)) {
    auto* c = node_tok<ast::Constant>(*t);
    c->value = number(*t);
    return c;
  }
  if (expect(Tok::MINUS)) {
    if (const Token* t = expect(Tok::NUMBER)) {
      auto* c = node_tok<ast::Constant>(*t);
      c->value = number(*t);
      auto* u = node<ast::UnaryOp>(start);
      u->op = ast::UnaryOpKind::USub;
      u->operand = c;
      return u;
    }
    pos_ = start;
  }
  return nullptr;
}

// signed_real_number: real_number | '-' real_number
ExprNode* Parser::signed_real_number() {
  int start = pos_;
  if (ExprNode* e = real_number()) return e;
  if (expect(Tok::MINUS)) {
    if (ExprNode* e = real_number()) {
      auto* u = node<ast::UnaryOp>(start);
      u->op = ast::UnaryOpKind::USub;
      u->operand = e;
      return u;
    }
    pos_ = start;
  }
  return nullptr;
}

ExprNode* Parser::real_number() {
  const Token* t = expect(Tok::NUMBER);
  if (!t) return nullptr;
  auto* c = node_tok<ast::Constant>(*t);
  c->value = number(*t);
  if (c->value.kind == ast::ConstKind::Complex) raise_at(c, "real number required in complex literal");
  return c;
}

ExprNode* Parser::imaginary_number() {
  const Token* t = expect(Tok::NUMBER);
  if (!t) return nullptr;
  auto* c = node_tok<ast::Constant>(*t);
  c->value = number(*t);
  if (c->value.kind != ast::ConstKind::Complex) raise_at(c, "imaginary number required in complex literal");
  return c;
}

PatternNode* Parser::capture_pattern() {
  if (const Token* t = pattern_capture_target()) {
    auto* a = node_tok<ast::MatchAs>(*t);
    a->name = ident(*t);
    return a;
  }
  return nullptr;
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
const Token* Parser::pattern_capture_target() {
  if (!at(Tok::NAME) || at_soft("_")) return nullptr;
  const Token* t = &cur();
  pos_++;
  Tok k = kind();
  if (k == Tok::DOT || k == Tok::LPAR || k == Tok::EQUAL) {
    pos_--;
    return nullptr;
  }
  return t;
}

PatternNode* Parser::wildcard_pattern() {
  if (const Token* t = expect_soft("_")) return node_tok<ast::MatchAs>(*t);
  return nullptr;
}

// value_pattern: attr !('.' | '(' | '=')
PatternNode* Parser::value_pattern() {
  int start = pos_;
  if (ExprNode* a = attr()) {
    Tok k = kind();
    if (k != Tok::DOT && k != Tok::LPAR && k != Tok::EQUAL) {
      auto* v = node<ast::MatchValue>(start);
      v->value = a;
      return v;
    }
  }
  pos_ = start;
  return nullptr;
}

// attr: name_or_attr '.' NAME -- a dotted name with at least one dot
ExprNode* Parser::attr() {
  int start = pos_;
  ExprNode* a = name_or_attr();
  if (a && ast::is<ast::Attribute>(a)) return a;
  pos_ = start;
  return nullptr;
}

ExprNode* Parser::name_or_attr() {
  return memoized<ExprNode>(Memo::kNameOrAttr, [&]() -> ExprNode* {
    int start = pos_;
    const Token* n = expect_name();
    if (!n) return nullptr;
    ExprNode* a = name_node(*n, ast::ExprContext::Load);
    while (at(Tok::DOT)) {
      int m = pos_;
      pos_++;
      const Token* b = expect_name();
      if (!b) {
        pos_ = m;
        break;
      }
      auto* at = node<ast::Attribute>(start);
      at->value = a;
      at->attr = ident(*b);
      at->ctx = ast::ExprContext::Load;
      a = at;
    }
    return a;
  });
}

// group_pattern: '(' pattern ')'
PatternNode* Parser::group_pattern() {
  int start = pos_;
  if (expect(Tok::LPAR)) {
    if (PatternNode* p = pattern()) {
      if (expect(Tok::RPAR)) return p;
    }
  }
  pos_ = start;
  return nullptr;
}

// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
PatternNode* Parser::sequence_pattern() {
  int start = pos_;
  SmallVec<PatternNode*> pats;
  if (expect(Tok::LSQB)) {
    maybe_sequence_pattern(pats);
    if (expect(Tok::RSQB)) {
      auto* s = node<ast::MatchSequence>(start);
      s->patterns = to_list(pats);
      return s;
    }
    pos_ = start;
    return nullptr;
  }
  if (expect(Tok::LPAR)) {
    open_sequence_pattern(pats);
    if (expect(Tok::RPAR)) {
      auto* s = node<ast::MatchSequence>(start);
      s->patterns = to_list(pats);
      return s;
    }
    pos_ = start;
  }
  return nullptr;
}

// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
bool Parser::open_sequence_pattern(SmallVec<PatternNode*>& out) {
  int start = pos_;
  PatternNode* a = maybe_star_pattern();
  if (!a || !expect(Tok::COMMA)) {
    pos_ = start;
    return false;
  }
  out.push_back(a);
  maybe_sequence_pattern(out);
  return true;
}

// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
bool Parser::maybe_sequence_pattern(SmallVec<PatternNode*>& out) {
  PatternNode* a = maybe_star_pattern();
  if (!a) return false;
  out.push_back(a);
  while (at(Tok::COMMA)) {
    int m = pos_;
    pos_++;
    PatternNode* b = maybe_star_pattern();
    if (!b) {
      pos_ = m;
      break;
    }
    out.push_back(b);
  }
  expect(Tok::COMMA);
  return true;
}

PatternNode* Parser::maybe_star_pattern() {
  if (PatternNode* p = star_pattern()) return p;
  return pattern();
}

// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
PatternNode* Parser::star_pattern() {
  return memoized<PatternNode>(Memo::kStarPattern, [&]() -> PatternNode* {
    int start = pos_;
    if (!expect(Tok::STAR)) return nullptr;
    if (const Token* t = pattern_capture_target()) {
      auto* s = node<ast::MatchStar>(start);
      s->name = ident(*t);
      return s;
    }
    if (expect_soft("_")) return node<ast::MatchStar>(start);
    pos_ = start;
    return nullptr;
  });
}

// mapping_pattern:
//   | '{' '}'
//   | '{' double_star_pattern ','? '}'
//   | '{' items_pattern ',' double_star_pattern ','? '}'
//   | '{' items_pattern ','? '}'
PatternNode* Parser::mapping_pattern() {
  int start = pos_;
  if (!expect(Tok::LBRACE)) return nullptr;
  SmallVec<ExprNode*> keys;
  SmallVec<PatternNode*> pats;
  ast::Ident rest;
  auto double_star = [&]() -> bool {
    int m = pos_;
    if (expect(Tok::DOUBLESTAR)) {
      if (const Token* t = pattern_capture_target()) {
        rest = ident(*t);
        return true;
      }
    }
    pos_ = m;
    return false;
  };
  if (!expect(Tok::RBRACE)) {
    bool ok = false;
    if (double_star()) {
      expect(Tok::COMMA);
      ok = expect(Tok::RBRACE) != nullptr;
    } else if (items_pattern(keys, pats)) {
      int m = pos_;
      if (expect(Tok::COMMA) && double_star()) {
        expect(Tok::COMMA);
        ok = expect(Tok::RBRACE) != nullptr;
      } else {
        pos_ = m;
        rest = {};
        expect(Tok::COMMA);
        ok = expect(Tok::RBRACE) != nullptr;
      }
    }
    if (!ok) {
      pos_ = start;
      return nullptr;
    }
  }
  auto* mp = node<ast::MatchMapping>(start);
  mp->keys = to_list(keys);
  mp->patterns = to_list(pats);
  mp->rest = rest;
  return mp;
}

// items_pattern: ','.key_value_pattern+
// key_value_pattern: (literal_expr | attr) ':' pattern
bool Parser::items_pattern(SmallVec<ExprNode*>& keys, SmallVec<PatternNode*>& pats) {
  int n = 0;
  for (;;) {
    int m = pos_;
    ExprNode* k = literal_expr();
    if (!k) k = attr();
    PatternNode* p = nullptr;
    if (k && expect(Tok::COLON)) p = pattern();
    if (!p) {
      pos_ = m;
      if (n) pos_--;
      break;
    }
    keys.push_back(k);
    pats.push_back(p);
    n++;
    if (!expect(Tok::COMMA)) break;
  }
  return n > 0;
}

// class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns ','] ')'
// in its four spellings.
PatternNode* Parser::class_pattern() {
  int start = pos_;
  ExprNode* cls = name_or_attr();
  if (!cls || !expect(Tok::LPAR)) {
    pos_ = start;
    return nullptr;
  }
  int after_paren = pos_;
  SmallVec<PatternNode*> positional;
  SmallVec<const Token*> kw_names;
  SmallVec<PatternNode*> kw_pats;
  bool ok = false;
  if (expect(Tok::RPAR)) {
    ok = true;
  } else {
    // positional_patterns: ','.pattern+
    auto positional_patterns = [&]() -> bool {
      int n = 0;
      for (;;) {
        int m = pos_;
        PatternNode* p = pattern();
        if (!p) {
          pos_ = m;
          if (n) pos_--;
          break;
        }
        positional.push_back(p);
        n++;
        if (!expect(Tok::COMMA)) break;
      }
      return n > 0;
    };
    if (positional_patterns()) {
      int m = pos_;
      expect(Tok::COMMA);
      if (expect(Tok::RPAR)) {
        ok = true;
      } else {
        pos_ = after_paren;
        kw_names.clear();
        kw_pats.clear();
        if (keyword_patterns(kw_names, kw_pats)) {
          expect(Tok::COMMA);
          if (expect(Tok::RPAR)) {
            positional.clear();
            ok = true;
          }
        }
        if (!ok) {
          pos_ = m;
          kw_names.clear();
          kw_pats.clear();
          if (expect(Tok::COMMA) && keyword_patterns(kw_names, kw_pats)) {
            expect(Tok::COMMA);
            if (expect(Tok::RPAR)) ok = true;
          }
        }
      }
    } else {
      positional.clear();
      pos_ = after_paren;
      if (keyword_patterns(kw_names, kw_pats)) {
        expect(Tok::COMMA);
        if (expect(Tok::RPAR)) ok = true;
      }
    }
  }
  if (!ok) {
    pos_ = start;
    if (error_pass_) invalid_class_pattern();
    return nullptr;
  }
  auto* c = node<ast::MatchClass>(start);
  c->cls = cls;
  c->patterns = to_list(positional);
  c->kwd_attrs.size = kw_names.size();
  c->kwd_attrs.items = arena_.make_array<ast::Ident>(kw_names.size());
  for (int i = 0; i < kw_names.size(); i++) c->kwd_attrs.items[i] = ident(*kw_names[i]);
  c->kwd_patterns = to_list(kw_pats);
  return c;
}

// keyword_patterns: ','.(NAME '=' pattern)+
bool Parser::keyword_patterns(SmallVec<const Token*>& names, SmallVec<PatternNode*>& pats) {
  int n = 0;
  for (;;) {
    int m = pos_;
    const Token* name = expect_name();
    PatternNode* p = nullptr;
    if (name && expect(Tok::EQUAL)) p = pattern();
    if (!p) {
      pos_ = m;
      if (n) pos_--;
      break;
    }
    names.push_back(name);
    pats.push_back(p);
    n++;
    if (!expect(Tok::COMMA)) break;
  }
  return n > 0;
}

}  // namespace pyrite::python::parse
