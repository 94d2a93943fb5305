// compile() of an AST object, second half: CPython 3.11's validation of a
// tree built from Python objects, before it is compiled (docs/modules.md,
// "_ast").
//
// The parser never builds what this rejects, so the compiler may assume
// it: expression contexts that agree with the position (a Store target, a
// Load operand), non-empty bodies and target lists, lists of matching
// lengths (Dict keys and values, Compare ops and comparators, arguments and
// their defaults), sane positions, and well-formed match patterns. The
// checks and messages are CPython's (ValueError unless noted).
#include <string>

#include "base/stack.h"
#include "python/modules/ast_module.h"
#include "python/objects/errors.h"

namespace pyrite::python {

namespace {

using ast::ExprContext;

const char* context_name(ExprContext c) {
  switch (c) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

class Validator {
 public:
  bool mod(const ast::ModNode* m);

 private:
  bool fail(const char* msg) {
    raise(exc::ValueError, msg);
    return false;
  }
  bool positions(const ast::Node* n) {
    if (n->lineno > n->end_lineno) {
      raisef(exc::ValueError, "AST node line range (%d, %d) is not valid", n->lineno, n->end_lineno);
      return false;
    }
    if ((n->lineno < 0 && n->end_lineno != n->lineno) ||
        (n->col_offset < 0 && n->col_offset != n->end_col_offset)) {
      raisef(exc::ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid",
             n->col_offset, n->end_col_offset, n->lineno, n->end_lineno);
      return false;
    }
    if (n->lineno == n->end_lineno && n->col_offset > n->end_col_offset) {
      raisef(exc::ValueError, "line %d, column %d-%d is not a valid range", n->lineno, n->col_offset,
             n->end_col_offset);
      return false;
    }
    return true;
  }
  bool nonempty(uint32_t size, const char* what, const char* owner) {
    if (size) return true;
    raisef(exc::ValueError, "empty %s on %s", what, owner);
    return false;
  }
  bool name(ast::Ident id) {
    if (id == "None" || id == "True" || id == "False") {
      raisef(exc::ValueError, "identifier field can't represent '%s' constant", std::string(id).c_str());
      return false;
    }
    return true;
  }
  bool capture(ast::Ident id) {
    if (id == "_") return fail("can't capture name '_' in patterns");
    return name(id);
  }

  bool stmts(const ast::List<ast::StmtNode>& body) {
    for (ast::StmtNode* s : body) {
      if (!s) return fail("None disallowed in statement list");
      if (!stmt(s)) return false;
    }
    return true;
  }
  bool body(const ast::List<ast::StmtNode>& b, const char* owner) {
    return nonempty(b.size, "body", owner) && stmts(b);
  }
  bool exprs(const ast::List<ast::ExprNode>& es, ExprContext ctx, bool null_ok = false) {
    for (ast::ExprNode* e : es) {
      if (!e) {
        if (null_ok) continue;
        return fail("None disallowed in expression list");
      }
      if (!expr(e, ctx)) return false;
    }
    return true;
  }
  bool opt(const ast::ExprNode* e) { return !e || expr(e, ExprContext::Load); }
  bool patterns(const ast::List<ast::PatternNode>& ps, bool star_ok) {
    for (ast::PatternNode* p : ps) {
      if (!p) return fail("None disallowed in pattern list");
      if (!pattern(p, star_ok)) return false;
    }
    return true;
  }

  bool stmt(const ast::StmtNode* s);
  bool expr(const ast::ExprNode* e, ExprContext ctx);
  bool pattern(const ast::PatternNode* p, bool star_ok);
  bool match_value(const ast::ExprNode* e);
  bool arguments(const ast::Arguments* a);
  bool args(const ast::List<ast::Arg>& as) {
    for (ast::Arg* a : as)
      if (!opt(a->annotation)) return false;
    return true;
  }
  bool keywords(const ast::List<ast::Keyword>& ks) {
    for (ast::Keyword* k : ks)
      if (!expr(k->value, ExprContext::Load)) return false;
    return true;
  }
  bool comprehensions(const ast::List<ast::Comprehension>& gens) {
    if (!gens.size) return fail("comprehension with no generators");
    for (ast::Comprehension* c : gens) {
      if (!expr(c->target, ExprContext::Store) || !expr(c->iter, ExprContext::Load) ||
          !exprs(c->ifs, ExprContext::Load))
        return false;
    }
    return true;
  }
  bool try_stmt(const ast::List<ast::StmtNode>& b, const ast::List<ast::ExceptHandlerNode>& handlers,
                const ast::List<ast::StmtNode>& orelse, const ast::List<ast::StmtNode>& finalbody,
                const char* owner);
  bool function(const ast::Arguments* a, const ast::List<ast::StmtNode>& b,
                const ast::List<ast::ExprNode>& decorators, const ast::ExprNode* returns, const char* owner) {
    return body(b, owner) && arguments(a) && exprs(decorators, ExprContext::Load) && opt(returns);
  }
  bool with(const ast::List<ast::WithItem>& items, const ast::List<ast::StmtNode>& b, const char* owner) {
    if (!nonempty(items.size, "items", owner)) return false;
    for (ast::WithItem* w : items) {
      if (!expr(w->context_expr, ExprContext::Load)) return false;
      if (w->optional_vars && !expr(w->optional_vars, ExprContext::Store)) return false;
    }
    return body(b, owner);
  }
  bool enter() {
    if (base::stack_exhausted()) {
      raise(exc::RecursionError, "maximum recursion depth exceeded during compilation");
      return false;
    }
    return true;
  }
};

bool Validator::mod(const ast::ModNode* m) {
  if (auto* x = ast::as<ast::Module>(m)) return stmts(x->body);
  if (auto* x = ast::as<ast::Interactive>(m)) return stmts(x->body);
  if (auto* x = ast::as<ast::Expression>(m)) return expr(x->body, ExprContext::Load);
  if (auto* x = ast::as<ast::FunctionType>(m))
    return exprs(x->argtypes, ExprContext::Load) && expr(x->returns, ExprContext::Load);
  return fail("impossible module node");
}

bool Validator::arguments(const ast::Arguments* a) {
  if (!args(a->posonlyargs) || !args(a->args)) return false;
  if (a->vararg && !opt(a->vararg->annotation)) return false;
  if (!args(a->kwonlyargs)) return false;
  if (a->kwarg && !opt(a->kwarg->annotation)) return false;
  if (a->defaults.size > a->posonlyargs.size + a->args.size)
    return fail("more positional defaults than args on arguments");
  if (a->kw_defaults.size != a->kwonlyargs.size)
    return fail("length of kwonlyargs is not the same as kw_defaults on arguments");
  return exprs(a->defaults, ExprContext::Load) && exprs(a->kw_defaults, ExprContext::Load, true);
}

bool Validator::try_stmt(const ast::List<ast::StmtNode>& b, const ast::List<ast::ExceptHandlerNode>& handlers,
                         const ast::List<ast::StmtNode>& orelse, const ast::List<ast::StmtNode>& finalbody,
                         const char* owner) {
  if (!body(b, owner)) return false;
  if (!handlers.size && !finalbody.size) {
    raisef(exc::ValueError, "%s has neither except handlers nor finalbody", owner);
    return false;
  }
  if (!handlers.size && orelse.size) {
    raisef(exc::ValueError, "%s has orelse but no except handlers", owner);
    return false;
  }
  for (ast::ExceptHandlerNode* h : handlers) {
    if (!h) return fail("None disallowed in statement list");
    auto* eh = static_cast<const ast::ExceptHandler*>(h);
    if (!positions(eh)) return false;
    if (!opt(eh->type) || !body(eh->body, "ExceptHandler")) return false;
  }
  return stmts(finalbody) && stmts(orelse);
}

bool Validator::stmt(const ast::StmtNode* s) {
  if (!enter() || !positions(s)) return false;
  switch (s->kind) {
    case ast::Kind::FunctionDef: {
      auto* x = static_cast<const ast::FunctionDef*>(s);
      return function(x->args, x->body, x->decorator_list, x->returns, "FunctionDef");
    }
    case ast::Kind::AsyncFunctionDef: {
      auto* x = static_cast<const ast::AsyncFunctionDef*>(s);
      return function(x->args, x->body, x->decorator_list, x->returns, "AsyncFunctionDef");
    }
    case ast::Kind::ClassDef: {
      auto* x = static_cast<const ast::ClassDef*>(s);
      return body(x->body, "ClassDef") && exprs(x->bases, ExprContext::Load) && keywords(x->keywords) &&
             exprs(x->decorator_list, ExprContext::Load);
    }
    case ast::Kind::Return: return opt(static_cast<const ast::Return*>(s)->value);
    case ast::Kind::Delete: {
      auto* x = static_cast<const ast::Delete*>(s);
      return nonempty(x->targets.size, "targets", "Delete") && exprs(x->targets, ExprContext::Del);
    }
    case ast::Kind::Assign: {
      auto* x = static_cast<const ast::Assign*>(s);
      return nonempty(x->targets.size, "targets", "Assign") && exprs(x->targets, ExprContext::Store) &&
             expr(x->value, ExprContext::Load);
    }
    case ast::Kind::AugAssign: {
      auto* x = static_cast<const ast::AugAssign*>(s);
      return expr(x->target, ExprContext::Store) && expr(x->value, ExprContext::Load);
    }
    case ast::Kind::AnnAssign: {
      auto* x = static_cast<const ast::AnnAssign*>(s);
      if (x->simple && !ast::is<ast::Name>(x->target)) {
        raise(exc::TypeError, "AnnAssign with simple non-Name target");
        return false;
      }
      return expr(x->target, ExprContext::Store) && opt(x->value) && expr(x->annotation, ExprContext::Load);
    }
    case ast::Kind::For: {
      auto* x = static_cast<const ast::For*>(s);
      return expr(x->target, ExprContext::Store) && expr(x->iter, ExprContext::Load) && body(x->body, "For") &&
             stmts(x->orelse);
    }
    case ast::Kind::AsyncFor: {
      auto* x = static_cast<const ast::AsyncFor*>(s);
      return expr(x->target, ExprContext::Store) && expr(x->iter, ExprContext::Load) &&
             body(x->body, "AsyncFor") && stmts(x->orelse);
    }
    case ast::Kind::While: {
      auto* x = static_cast<const ast::While*>(s);
      return expr(x->test, ExprContext::Load) && body(x->body, "While") && stmts(x->orelse);
    }
    case ast::Kind::If: {
      auto* x = static_cast<const ast::If*>(s);
      return expr(x->test, ExprContext::Load) && body(x->body, "If") && stmts(x->orelse);
    }
    case ast::Kind::With: {
      auto* x = static_cast<const ast::With*>(s);
      return with(x->items, x->body, "With");
    }
    case ast::Kind::AsyncWith: {
      auto* x = static_cast<const ast::AsyncWith*>(s);
      return with(x->items, x->body, "AsyncWith");
    }
    case ast::Kind::Match: {
      auto* x = static_cast<const ast::Match*>(s);
      if (!expr(x->subject, ExprContext::Load) || !nonempty(x->cases.size, "cases", "Match")) return false;
      for (ast::MatchCase* c : x->cases) {
        if (!pattern(c->pattern, false) || !opt(c->guard) || !body(c->body, "match_case")) return false;
      }
      return true;
    }
    case ast::Kind::Raise: {
      auto* x = static_cast<const ast::Raise*>(s);
      if (x->exc) return expr(x->exc, ExprContext::Load) && opt(x->cause);
      if (x->cause) return fail("Raise with cause but no exception");
      return true;
    }
    case ast::Kind::Try: {
      auto* x = static_cast<const ast::Try*>(s);
      return try_stmt(x->body, x->handlers, x->orelse, x->finalbody, "Try");
    }
    case ast::Kind::TryStar: {
      auto* x = static_cast<const ast::TryStar*>(s);
      return try_stmt(x->body, x->handlers, x->orelse, x->finalbody, "TryStar");
    }
    case ast::Kind::Assert: {
      auto* x = static_cast<const ast::Assert*>(s);
      return expr(x->test, ExprContext::Load) && opt(x->msg);
    }
    case ast::Kind::Import:
      return nonempty(static_cast<const ast::Import*>(s)->names.size, "names", "Import");
    case ast::Kind::ImportFrom: {
      auto* x = static_cast<const ast::ImportFrom*>(s);
      if (x->level < 0) return fail("Negative ImportFrom level");
      return nonempty(x->names.size, "names", "ImportFrom");
    }
    case ast::Kind::Global:
      return nonempty(static_cast<const ast::Global*>(s)->names.size, "names", "Global");
    case ast::Kind::Nonlocal:
      return nonempty(static_cast<const ast::Nonlocal*>(s)->names.size, "names", "Nonlocal");
    case ast::Kind::Expr: return expr(static_cast<const ast::Expr*>(s)->value, ExprContext::Load);
    case ast::Kind::Pass:
    case ast::Kind::Break:
    case ast::Kind::Continue:
      return true;
    default:
      return fail("unexpected statement");
  }
}

bool Validator::expr(const ast::ExprNode* e, ExprContext ctx) {
  if (!enter() || !positions(e)) return false;
  // The node's own context, for the kinds that have one.
  bool has_ctx = true;
  ExprContext actual = ExprContext::Load;
  switch (e->kind) {
    case ast::Kind::Attribute: actual = static_cast<const ast::Attribute*>(e)->ctx; break;
    case ast::Kind::Subscript: actual = static_cast<const ast::Subscript*>(e)->ctx; break;
    case ast::Kind::Starred: actual = static_cast<const ast::Starred*>(e)->ctx; break;
    case ast::Kind::Name: actual = static_cast<const ast::Name*>(e)->ctx; break;
    case ast::Kind::ListExpr: actual = static_cast<const ast::ListExpr*>(e)->ctx; break;
    case ast::Kind::Tuple: actual = static_cast<const ast::Tuple*>(e)->ctx; break;
    default: has_ctx = false;
  }
  if (has_ctx && actual != ctx) {
    raisef(exc::ValueError, "expression must have %s context but has %s instead", context_name(ctx),
           context_name(actual));
    return false;
  }
  if (!has_ctx && ctx != ExprContext::Load) {
    raisef(exc::ValueError, "expression which can't be assigned to in %s context", context_name(ctx));
    return false;
  }
  const ExprContext load = ExprContext::Load;
  switch (e->kind) {
    case ast::Kind::BoolOp: {
      auto* x = static_cast<const ast::BoolOp*>(e);
      if (x->values.size < 2) return fail("BoolOp with less than 2 values");
      return exprs(x->values, load);
    }
    case ast::Kind::BinOp: {
      auto* x = static_cast<const ast::BinOp*>(e);
      return expr(x->left, load) && expr(x->right, load);
    }
    case ast::Kind::UnaryOp: return expr(static_cast<const ast::UnaryOp*>(e)->operand, load);
    case ast::Kind::Lambda: {
      auto* x = static_cast<const ast::Lambda*>(e);
      return arguments(x->args) && expr(x->body, load);
    }
    case ast::Kind::IfExp: {
      auto* x = static_cast<const ast::IfExp*>(e);
      return expr(x->test, load) && expr(x->body, load) && expr(x->orelse, load);
    }
    case ast::Kind::Dict: {
      auto* x = static_cast<const ast::Dict*>(e);
      if (x->keys.size != x->values.size) return fail("Dict doesn't have the same number of keys as values");
      return exprs(x->keys, load, true) && exprs(x->values, load);
    }
    case ast::Kind::Set: return exprs(static_cast<const ast::Set*>(e)->elts, load);
    case ast::Kind::ListComp: {
      auto* x = static_cast<const ast::ListComp*>(e);
      return comprehensions(x->generators) && expr(x->elt, load);
    }
    case ast::Kind::SetComp: {
      auto* x = static_cast<const ast::SetComp*>(e);
      return comprehensions(x->generators) && expr(x->elt, load);
    }
    case ast::Kind::GeneratorExp: {
      auto* x = static_cast<const ast::GeneratorExp*>(e);
      return comprehensions(x->generators) && expr(x->elt, load);
    }
    case ast::Kind::DictComp: {
      auto* x = static_cast<const ast::DictComp*>(e);
      return comprehensions(x->generators) && expr(x->key, load) && expr(x->value, load);
    }
    case ast::Kind::Yield: return opt(static_cast<const ast::Yield*>(e)->value);
    case ast::Kind::YieldFrom: return expr(static_cast<const ast::YieldFrom*>(e)->value, load);
    case ast::Kind::Await: return expr(static_cast<const ast::Await*>(e)->value, load);
    case ast::Kind::Compare: {
      auto* x = static_cast<const ast::Compare*>(e);
      if (!x->comparators.size) return fail("Compare with no comparators");
      if (x->comparators.size != x->ops.size)
        return fail("Compare has a different number of comparators and operands");
      return exprs(x->comparators, load) && expr(x->left, load);
    }
    case ast::Kind::Call: {
      auto* x = static_cast<const ast::Call*>(e);
      return expr(x->func, load) && exprs(x->args, load) && keywords(x->keywords);
    }
    case ast::Kind::Constant: return true;  // the type was checked on conversion
    case ast::Kind::JoinedStr: return exprs(static_cast<const ast::JoinedStr*>(e)->values, load);
    case ast::Kind::FormattedValue: {
      auto* x = static_cast<const ast::FormattedValue*>(e);
      return expr(x->value, load) && opt(x->format_spec);
    }
    case ast::Kind::Attribute: return expr(static_cast<const ast::Attribute*>(e)->value, load);
    case ast::Kind::Subscript: {
      auto* x = static_cast<const ast::Subscript*>(e);
      return expr(x->slice, load) && expr(x->value, load);
    }
    case ast::Kind::Starred: return expr(static_cast<const ast::Starred*>(e)->value, ctx);
    case ast::Kind::Slice: {
      auto* x = static_cast<const ast::Slice*>(e);
      return opt(x->lower) && opt(x->upper) && opt(x->step);
    }
    case ast::Kind::ListExpr: return exprs(static_cast<const ast::ListExpr*>(e)->elts, ctx);
    case ast::Kind::Tuple: return exprs(static_cast<const ast::Tuple*>(e)->elts, ctx);
    case ast::Kind::NamedExpr: {
      auto* x = static_cast<const ast::NamedExpr*>(e);
      return expr(x->value, load);
    }
    case ast::Kind::Name: return name(static_cast<const ast::Name*>(e)->id);
    default: return fail("unexpected expression");
  }
}

bool Validator::match_value(const ast::ExprNode* e) {
  if (!expr(e, ExprContext::Load)) return false;
  switch (e->kind) {
    case ast::Kind::Constant: {
      ast::ConstKind k = static_cast<const ast::Constant*>(e)->value.kind;
      if (k == ast::ConstKind::Int || k == ast::ConstKind::BigInt || k == ast::ConstKind::Float ||
          k == ast::ConstKind::Complex || k == ast::ConstKind::Str || k == ast::ConstKind::Bytes)
        return true;
      return fail("unexpected constant inside of a literal pattern");
    }
    case ast::Kind::Attribute:
    case ast::Kind::JoinedStr:
      return true;
    case ast::Kind::UnaryOp:
      if (static_cast<const ast::UnaryOp*>(e)->op == ast::UnaryOpKind::USub) return true;
      break;
    case ast::Kind::BinOp: {
      ast::Operator op = static_cast<const ast::BinOp*>(e)->op;
      if (op == ast::Operator::Add || op == ast::Operator::Sub) return true;
      break;
    }
    default:
      break;
  }
  return fail("patterns may only match literals and attribute lookups");
}

bool Validator::pattern(const ast::PatternNode* p, bool star_ok) {
  if (!enter() || !positions(p)) return false;
  switch (p->kind) {
    case ast::Kind::MatchValue: return match_value(static_cast<const ast::MatchValue*>(p)->value);
    case ast::Kind::MatchSingleton: {
      ast::ConstKind k = static_cast<const ast::MatchSingleton*>(p)->value.kind;
      if (k != ast::ConstKind::None && k != ast::ConstKind::True && k != ast::ConstKind::False)
        return fail("MatchSingleton can only contain True, False and None");
      return true;
    }
    case ast::Kind::MatchSequence: return patterns(static_cast<const ast::MatchSequence*>(p)->patterns, true);
    case ast::Kind::MatchMapping: {
      auto* x = static_cast<const ast::MatchMapping*>(p);
      if (x->keys.size != x->patterns.size)
        return fail("MatchMapping doesn't have the same number of keys as patterns");
      if (!ast::is_none(x->rest) && !capture(x->rest)) return false;
      for (ast::ExprNode* k : x->keys) {
        if (!k) return fail("None disallowed in expression list");
        if (k->kind == ast::Kind::Constant || k->kind == ast::Kind::Attribute) continue;
        if (!match_value(k)) return false;
      }
      return patterns(x->patterns, false);
    }
    case ast::Kind::MatchClass: {
      auto* x = static_cast<const ast::MatchClass*>(p);
      if (x->kwd_attrs.size != x->kwd_patterns.size)
        return fail("MatchClass doesn't have the same number of keyword attributes as patterns");
      if (!expr(x->cls, ExprContext::Load)) return false;
      const ast::ExprNode* cls = x->cls;
      while (auto* a = ast::as<ast::Attribute>(cls)) cls = a->value;
      if (!ast::is<ast::Name>(cls)) return fail("MatchClass cls field can only contain Name or Attribute nodes.");
      for (ast::Ident id : x->kwd_attrs)
        if (!name(id)) return false;
      return patterns(x->patterns, false) && patterns(x->kwd_patterns, false);
    }
    case ast::Kind::MatchStar: {
      auto* x = static_cast<const ast::MatchStar*>(p);
      if (!star_ok) return fail("can't use MatchStar here");
      return ast::is_none(x->name) || capture(x->name);
    }
    case ast::Kind::MatchAs: {
      auto* x = static_cast<const ast::MatchAs*>(p);
      if (!ast::is_none(x->name) && !capture(x->name)) return false;
      if (!x->pattern) return true;
      if (ast::is_none(x->name)) return fail("MatchAs must specify a target name if a pattern is given");
      return pattern(x->pattern, false);
    }
    case ast::Kind::MatchOr: {
      auto* x = static_cast<const ast::MatchOr*>(p);
      if (x->patterns.size < 2) return fail("MatchOr requires at least 2 patterns");
      return patterns(x->patterns, false);
    }
    default: return fail("unexpected pattern");
  }
}

}  // namespace

bool validate_ast(const ast::ModNode* mod) {
  Validator v;
  return v.mod(mod);
}

}  // namespace pyrite::python
