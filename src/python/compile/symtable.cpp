// Symbol tables (docs/compiler.md, "Scopes").
//
// Invariants of the resolution pass (analyze):
//  - `bound` holds the names bound by enclosing *function* scopes; class
//    and module scopes never add to it, because their names are not
//    visible to nested functions. A name in `bound` that a block uses
//    without binding it is free there.
//  - A free name of a child that its parent binds becomes a cell of the
//    parent; one it does not bind passes up as free through the parent
//    (so intermediate functions carry the cell along in their closure).
//  - A class scope offers `__class__` to its methods; if any method uses
//    it, the class body creates that cell (needs_class_closure).
// Comprehensions are function scopes (3.11); a walrus inside one binds in
// the nearest enclosing non-comprehension scope.
#include "python/compile/symtable.h"

#include <deque>
#include <set>

#include "base/stack.h"
#include "python/compile/ast_walk.h"

namespace pyrite::python::compile {

using namespace ast;

std::string_view mangle(std::string_view class_name, std::string_view name, std::string* storage) {
  if (class_name.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
  // Dunder names and dotted (import) names are left alone.
  if (name.size() >= 4 && name.substr(name.size() - 2) == "__") return name;
  if (name.find('.') != std::string_view::npos) return name;
  size_t strip = class_name.find_first_not_of('_');
  if (strip == std::string_view::npos) return name;  // class named only with underscores
  *storage = "_";
  storage->append(class_name.substr(strip));
  storage->append(name);
  return *storage;
}

namespace {

using NameSet = std::set<std::string_view>;

}  // namespace

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable* table, parse::SyntaxError* error) : t_(table), error_(error) {}

  bool run(const ModNode* mod);

 private:
  // ---- errors ---------------------------------------------------------------
  bool fail(const Node* at, std::string msg) {
    if (failed_) return false;
    failed_ = true;
    error_->type = "SyntaxError";
    error_->msg = std::move(msg);
    error_->lineno = at ? at->lineno : 0;
    error_->offset = at ? at->col_offset + 1 : 0;
    error_->end_lineno = at ? at->end_lineno : 0;
    error_->end_offset = at ? at->end_col_offset + 1 : 0;
    return false;
  }
  static std::string q(std::string_view s) { return std::string(s); }

  // ---- scopes ---------------------------------------------------------------
  Scope* enter(BlockKind kind, std::string_view name, const Node* node) {
    Scope* s = new Scope();
    t_->all_.push_back(s);
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->lineno = node ? node->lineno : 0;
    s->parent = cur_;
    if (cur_) {
      cur_->children.push_back(s);
      s->is_nested = cur_->kind == BlockKind::kFunction || cur_->is_nested;
      // A block inside a comprehension's iterable (a lambda, a nested
      // comprehension) is inside it too (CPython's ste_comp_iter_expr).
      s->comp_iter_expr = cur_->comp_iter_expr;
    }
    if (node) t_->scopes_[node] = s;
    cur_ = s;
    return s;
  }
  void leave() { cur_ = cur_->parent; }

  std::string_view mangled(std::string_view name) {
    std::string storage;
    std::string_view m = mangle(class_name_, name, &storage);
    if (m.data() != storage.data()) return name;
    strings_.push_back(std::move(storage));
    return strings_.back();
  }

  Symbol& symbol(Scope* s, std::string_view name) {
    auto it = s->index.find(name);
    if (it != s->index.end()) return s->symbols[it->second];
    s->index.emplace(name, static_cast<int>(s->symbols.size()));
    s->symbols.push_back(Symbol{name, 0, NameScope::kUnknown});
    return s->symbols.back();
  }
  uint32_t lookup(std::string_view name) { return cur_->flags_of(mangled(name)); }

  // Records that `name` is used as `flag` in scope `s` (the current one by
  // default). Errors on duplicate parameters and on rebinding a walrus
  // target as a comprehension variable.
  bool add_def(std::string_view raw, uint32_t flag, const Node* at, Scope* s = nullptr) {
    if (!s) s = cur_;
    std::string_view name = mangled(raw);
    Symbol& sym = symbol(s, name);
    uint32_t val = sym.flags;
    if ((flag & SymFlag::kParam) && (val & SymFlag::kParam))
      return fail(at, "duplicate argument '" + q(name) + "' in function definition");
    if (s->comp_iter_target) {
      if (val & (SymFlag::kGlobal | SymFlag::kNonlocal))
        return fail(at, "comprehension inner loop cannot rebind assignment expression target '" + q(name) + "'");
      val |= SymFlag::kCompIter;
    }
    val |= flag;
    if (flag & SymFlag::kLocal) val |= SymFlag::kStored;
    sym.flags = val;
    if (flag & SymFlag::kParam) s->params.push_back(name);
    // As in CPython, a global declaration anywhere marks the name global in
    // the module block too (its module-level uses become *_GLOBAL, which
    // matters for exec with separate globals and locals).
    if ((flag & SymFlag::kGlobal) && t_->top_ && s != t_->top_) symbol(t_->top_, name).flags |= SymFlag::kGlobal;
    return true;
  }

  // ---- the first pass ---------------------------------------------------------
  bool visit_stmt(StmtNode* s);
  bool visit_expr(ExprNode* e);
  bool visit_node(Node* n);
  bool visit_children(Node* n) {
    bool ok = true;
    for_each_child(n, [&](Node* c) { ok = ok && visit_node(c); });
    return ok;
  }
  bool visit_exprs(const List<ExprNode>& l) {
    for (ExprNode* e : l)
      if (e && !visit_expr(e)) return false;
    return true;
  }
  bool visit_stmts(const List<StmtNode>& l) {
    for (StmtNode* s : l)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool visit_params(const Arguments* a);
  bool visit_argument_annotations(const Arguments* a, ExprNode* returns);
  bool visit_annotation(ExprNode* e) {
    if (t_->future_annotations_) return true;  // stringified, never evaluated
    return visit_expr(e);
  }
  bool visit_function(Node* node, std::string_view name, Arguments* args, List<StmtNode> body,
                      List<ExprNode> decorators, ExprNode* returns, bool is_async);
  bool visit_comprehension(ExprNode* e, std::string_view scope_name, const List<Comprehension>& gens,
                           ExprNode* elt, ExprNode* value);
  bool visit_namedexpr(NamedExpr* e);
  bool visit_pattern(PatternNode* p);
  bool visit_global_or_nonlocal(StmtNode* s, const Seq<Ident>& names, bool global);
  bool check_comprehension_yield(ExprNode* e);

  // ---- the second pass --------------------------------------------------------
  bool analyze(Scope* s, const NameSet* bound, const NameSet& global, NameSet* free_out);
  bool analyze_name(Scope* s, Symbol& sym, NameSet* bound, NameSet* local, NameSet* free,
                    NameSet* global, bool have_bound);

  SymbolTable* t_;
  parse::SyntaxError* error_;
  bool failed_ = false;
  static constexpr int kMaxDepth = 3000;
  int depth_ = 0;
  Scope* cur_ = nullptr;
  std::string_view class_name_;  // for mangling: the innermost enclosing class
  std::deque<std::string> strings_;
  // Where each scope's global/nonlocal declarations are, for late errors.
  std::unordered_map<const Scope*, std::vector<std::pair<std::string_view, const Node*>>> directives_;

 public:
  std::deque<std::string> take_strings() { return std::move(strings_); }
};

// ---- statements ---------------------------------------------------------------

bool SymtableBuilder::visit_node(Node* n) {
  // Dispatch on the category by kind range (ast.def lists statements, then
  // expressions, then the rest).
  if (n->kind >= Kind::FunctionDef && n->kind <= Kind::Continue) return visit_stmt(static_cast<StmtNode*>(n));
  if (n->kind >= Kind::BoolOp && n->kind <= Kind::Slice) return visit_expr(static_cast<ExprNode*>(n));
  if (n->kind >= Kind::MatchValue && n->kind <= Kind::MatchOr) return visit_pattern(static_cast<PatternNode*>(n));
  if (auto* h = as<ExceptHandler>(n)) {
    if (h->type && !visit_expr(h->type)) return false;
    if (!is_none(h->name) && !add_def(h->name, SymFlag::kLocal, h)) return false;
    return visit_stmts(h->body);
  }
  if (auto* a = as<Alias>(n)) {
    (void)a;
    PYR_UNREACHABLE();  // handled by Import/ImportFrom
  }
  return visit_children(n);
}

bool SymtableBuilder::visit_global_or_nonlocal(StmtNode* s, const Seq<Ident>& names, bool global) {
  const char* what = global ? "global" : "nonlocal";
  for (Ident raw : names) {
    std::string_view name = mangled(raw);
    uint32_t cur = cur_->flags_of(name);
    if (cur & (SymFlag::kParam | SymFlag::kLocal | SymFlag::kUse | SymFlag::kAnnot)) {
      std::string msg;
      if (cur & SymFlag::kParam) msg = "name '" + q(name) + "' is parameter and " + what;
      else if (cur & SymFlag::kUse) msg = "name '" + q(name) + "' is used prior to " + what + " declaration";
      else if (cur & SymFlag::kAnnot) msg = "annotated name '" + q(name) + "' can't be " + what;
      else msg = "name '" + q(name) + "' is assigned to before " + what + " declaration";
      return fail(s, msg);
    }
    if (!add_def(name, global ? SymFlag::kGlobal : SymFlag::kNonlocal, s)) return false;
    directives_[cur_].push_back({name, s});
  }
  return true;
}

bool SymtableBuilder::visit_stmt(StmtNode* s) {
  switch (s->kind) {
    case Kind::FunctionDef: {
      auto* f = static_cast<FunctionDef*>(s);
      return visit_function(f, f->name, f->args, f->body, f->decorator_list, f->returns, false);
    }
    case Kind::AsyncFunctionDef: {
      auto* f = static_cast<AsyncFunctionDef*>(s);
      return visit_function(f, f->name, f->args, f->body, f->decorator_list, f->returns, true);
    }
    case Kind::ClassDef: {
      auto* c = static_cast<ClassDef*>(s);
      if (!add_def(c->name, SymFlag::kLocal, c)) return false;
      if (!visit_exprs(c->bases)) return false;
      for (Keyword* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      if (!visit_exprs(c->decorator_list)) return false;
      enter(BlockKind::kClass, c->name, c);
      std::string_view saved = class_name_;
      class_name_ = c->name;
      bool ok = visit_stmts(c->body);
      class_name_ = saved;
      leave();
      return ok;
    }
    case Kind::Return: {
      auto* r = static_cast<Return*>(s);
      if (r->value) {
        if (!visit_expr(r->value)) return false;
        cur_->returns_value = true;
      }
      return true;
    }
    case Kind::AnnAssign: {
      auto* a = static_cast<AnnAssign*>(s);
      if (auto* n = as<Name>(a->target)) {
        uint32_t cur = lookup(n->id);
        if ((cur & (SymFlag::kGlobal | SymFlag::kNonlocal)) && cur_ != t_->top_ && a->simple) {
          return fail(s, std::string("annotated name '") + q(n->id) + "' can't be " +
                             ((cur & SymFlag::kGlobal) ? "global" : "nonlocal"));
        }
        if (a->simple) {
          bool stored = (lookup(n->id) & SymFlag::kStored) || a->value;
          if (!add_def(n->id, SymFlag::kAnnot | SymFlag::kLocal, n)) return false;
          if (!stored) symbol(cur_, mangled(n->id)).flags &= ~SymFlag::kStored;
        } else if (a->value) {
          if (!add_def(n->id, SymFlag::kLocal, n)) return false;
        }
      } else if (!visit_expr(a->target)) {
        return false;
      }
      if (!visit_annotation(a->annotation)) return false;
      return !a->value || visit_expr(a->value);
    }
    case Kind::Import:
    case Kind::ImportFrom: {
      const List<Alias>& names = s->kind == Kind::Import ? static_cast<Import*>(s)->names
                                                         : static_cast<ImportFrom*>(s)->names;
      for (Alias* a : names) {
        if (a->name == "*") {
          // At the alias (the star), as CPython.
          if (cur_->kind != BlockKind::kModule) return fail(a, "import * only allowed at module level");
          continue;
        }
        std::string_view store = !is_none(a->asname) ? a->asname : a->name.substr(0, a->name.find('.'));
        if (!add_def(store, SymFlag::kImport, a)) return false;
      }
      return true;
    }
    case Kind::Global:
      return visit_global_or_nonlocal(s, static_cast<Global*>(s)->names, true);
    case Kind::Nonlocal:
      return visit_global_or_nonlocal(s, static_cast<Nonlocal*>(s)->names, false);
    default:
      return visit_children(s);
  }
}

bool SymtableBuilder::visit_params(const Arguments* a) {
  for (Arg* p : a->posonlyargs)
    if (!add_def(p->arg, SymFlag::kParam, p)) return false;
  for (Arg* p : a->args)
    if (!add_def(p->arg, SymFlag::kParam, p)) return false;
  for (Arg* p : a->kwonlyargs)
    if (!add_def(p->arg, SymFlag::kParam, p)) return false;
  if (a->vararg) {
    if (!add_def(a->vararg->arg, SymFlag::kParam, a->vararg)) return false;
    cur_->has_varargs = true;
  }
  if (a->kwarg) {
    if (!add_def(a->kwarg->arg, SymFlag::kParam, a->kwarg)) return false;
    cur_->has_varkeywords = true;
  }
  return true;
}

bool SymtableBuilder::visit_argument_annotations(const Arguments* a, ExprNode* returns) {
  auto visit_args = [&](const List<Arg>& l) {
    for (Arg* p : l)
      if (p->annotation && !visit_annotation(p->annotation)) return false;
    return true;
  };
  if (!visit_args(a->posonlyargs) || !visit_args(a->args)) return false;
  if (a->vararg && a->vararg->annotation && !visit_annotation(a->vararg->annotation)) return false;
  if (!visit_args(a->kwonlyargs)) return false;
  if (a->kwarg && a->kwarg->annotation && !visit_annotation(a->kwarg->annotation)) return false;
  return !returns || visit_annotation(returns);
}

bool SymtableBuilder::visit_function(Node* node, std::string_view name, Arguments* args, List<StmtNode> body,
                                     List<ExprNode> decorators, ExprNode* returns, bool is_async) {
  if (!add_def(name, SymFlag::kLocal, node)) return false;
  if (!visit_exprs(args->defaults)) return false;
  if (!visit_exprs(args->kw_defaults)) return false;
  if (!visit_argument_annotations(args, returns)) return false;
  if (!visit_exprs(decorators)) return false;
  Scope* s = enter(BlockKind::kFunction, name, node);
  s->is_coroutine = is_async;
  bool ok = visit_params(args) && visit_stmts(body);
  leave();
  return ok;
}

// ---- expressions --------------------------------------------------------------

bool SymtableBuilder::check_comprehension_yield(ExprNode* e) {
  if (!cur_->is_comprehension) return true;
  switch (cur_->node->kind) {
    case Kind::ListComp:
      return fail(e, "'yield' inside list comprehension");
    case Kind::SetComp:
      return fail(e, "'yield' inside set comprehension");
    case Kind::DictComp:
      return fail(e, "'yield' inside dict comprehension");
    default:
      return fail(e, "'yield' inside generator expression");
  }
}

bool SymtableBuilder::visit_namedexpr(NamedExpr* e) {
  if (cur_->comp_iter_expr > 0)
    return fail(e, "assignment expression cannot be used in a comprehension iterable expression");
  auto* target = static_cast<Name*>(e->target);
  if (cur_->is_comprehension) {
    std::string_view name = mangled(target->id);
    for (Scope* s = cur_; s; s = s->parent) {
      if (s->is_comprehension) {
        if (s->flags_of(name) & SymFlag::kCompIter)
          return fail(e, "assignment expression cannot rebind comprehension iteration variable '" + q(name) + "'");
        continue;
      }
      if (s->kind == BlockKind::kFunction) {
        uint32_t f = s->flags_of(name);
        if (!add_def(name, (f & SymFlag::kGlobal) ? SymFlag::kGlobal : SymFlag::kNonlocal, e)) return false;
        directives_[cur_].push_back({name, e});
        if (!add_def(name, SymFlag::kLocal, e, s)) return false;
        break;
      }
      if (s->kind == BlockKind::kModule) {
        if (!add_def(name, SymFlag::kGlobal, e)) return false;
        directives_[cur_].push_back({name, e});
        if (!add_def(name, SymFlag::kGlobal, e, s)) return false;
        break;
      }
      return fail(e, "assignment expression within a comprehension cannot be used in a class body");
    }
  }
  if (!visit_expr(e->value)) return false;
  return visit_expr(e->target);
}

bool SymtableBuilder::visit_comprehension(ExprNode* e, std::string_view scope_name, const List<Comprehension>& gens,
                                          ExprNode* elt, ExprNode* value) {
  bool is_generator = e->kind == Kind::GeneratorExp;
  Comprehension* outermost = gens[0];
  // The outermost iterable is evaluated in the enclosing scope.
  cur_->comp_iter_expr++;
  bool ok = visit_expr(outermost->iter);
  cur_->comp_iter_expr--;
  if (!ok) return false;
  Scope* s = enter(BlockKind::kFunction, scope_name, e);
  s->is_comprehension = true;
  if (outermost->is_async) s->is_coroutine = true;
  // The outermost iterator arrives as the implicit parameter ".0".
  if (!add_def(".0", SymFlag::kParam, e)) return false;
  s->comp_iter_target = true;
  ok = visit_expr(outermost->target);
  s->comp_iter_target = false;
  if (!ok || !visit_exprs(outermost->ifs)) return false;
  for (uint32_t i = 1; i < gens.size; i++) {
    Comprehension* g = gens[i];
    s->comp_iter_target = true;
    ok = visit_expr(g->target);
    s->comp_iter_target = false;
    if (!ok) return false;
    s->comp_iter_expr++;
    ok = visit_expr(g->iter);
    s->comp_iter_expr--;
    if (!ok || !visit_exprs(g->ifs)) return false;
    if (g->is_async) s->is_coroutine = true;
  }
  if (value && !visit_expr(value)) return false;
  if (!visit_expr(elt)) return false;
  s->is_generator = is_generator;
  bool is_async = s->is_coroutine && !is_generator;
  leave();
  if (is_async) cur_->is_coroutine = true;
  return true;
}

bool SymtableBuilder::visit_expr(ExprNode* e) {
  // CPython's compile-time recursion limit (3 x the default recursion
  // limit): deeper expressions would overflow the C++ stack in later passes.
  struct Depth {
    int& d;
    explicit Depth(int& x) : d(x) { d++; }
    ~Depth() { d--; }
  } guard(depth_);
  if (depth_ > kMaxDepth || base::stack_exhausted()) {
    if (failed_) return false;
    fail(e, "maximum recursion depth exceeded during compilation");
    error_->type = "RecursionError";
    return false;
  }
  switch (e->kind) {
    case Kind::Name: {
      auto* n = static_cast<Name*>(e);
      if (!add_def(n->id, n->ctx == ExprContext::Load ? SymFlag::kUse : SymFlag::kLocal, n)) return false;
      // Zero-argument super() reads the __class__ cell.
      if (n->ctx == ExprContext::Load && cur_->kind == BlockKind::kFunction && n->id == "super")
        return add_def("__class__", SymFlag::kUse, n);
      return true;
    }
    case Kind::NamedExpr:
      return visit_namedexpr(static_cast<NamedExpr*>(e));
    case Kind::Lambda: {
      auto* l = static_cast<Lambda*>(e);
      if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
      Scope* s = enter(BlockKind::kFunction, "lambda", l);
      s->is_lambda = true;
      bool ok = visit_params(l->args) && visit_expr(l->body);
      leave();
      return ok;
    }
    case Kind::ListComp: {
      auto* c = static_cast<ListComp*>(e);
      return visit_comprehension(c, "listcomp", c->generators, c->elt, nullptr);
    }
    case Kind::SetComp: {
      auto* c = static_cast<SetComp*>(e);
      return visit_comprehension(c, "setcomp", c->generators, c->elt, nullptr);
    }
    case Kind::DictComp: {
      auto* c = static_cast<DictComp*>(e);
      return visit_comprehension(c, "dictcomp", c->generators, c->key, c->value);
    }
    case Kind::GeneratorExp: {
      auto* c = static_cast<GeneratorExp*>(e);
      return visit_comprehension(c, "genexpr", c->generators, c->elt, nullptr);
    }
    case Kind::Yield:
    case Kind::YieldFrom: {
      if (!visit_children(e)) return false;
      cur_->is_generator = true;
      return check_comprehension_yield(e);
    }
    case Kind::Await:
      if (!visit_children(e)) return false;
      cur_->is_coroutine = true;
      return true;
    default:
      return visit_children(e);
  }
}

bool SymtableBuilder::visit_pattern(PatternNode* p) {
  if (auto* a = as<MatchAs>(p)) {
    if (a->pattern && !visit_pattern(a->pattern)) return false;
    return is_none(a->name) || add_def(a->name, SymFlag::kLocal, a);
  }
  if (auto* s = as<MatchStar>(p)) return is_none(s->name) || add_def(s->name, SymFlag::kLocal, s);
  if (auto* m = as<MatchMapping>(p)) {
    if (!visit_exprs(m->keys)) return false;
    for (PatternNode* c : m->patterns)
      if (!visit_pattern(c)) return false;
    return is_none(m->rest) || add_def(m->rest, SymFlag::kLocal, m);
  }
  return visit_children(p);
}

// ---- resolution -----------------------------------------------------------------

bool SymtableBuilder::analyze_name(Scope* s, Symbol& sym, NameSet* bound, NameSet* local, NameSet* free,
                                   NameSet* global, bool have_bound) {
  std::string_view name = sym.name;
  auto directive = [&]() -> const Node* {
    for (auto& d : directives_[s])
      if (d.first == name) return d.second;
    return s->node;
  };
  if (sym.flags & SymFlag::kGlobal) {
    if (sym.flags & SymFlag::kNonlocal) return fail(directive(), "name '" + q(name) + "' is nonlocal and global");
    sym.scope = NameScope::kGlobalExplicit;
    global->insert(name);
    bound->erase(name);
    return true;
  }
  if (sym.flags & SymFlag::kNonlocal) {
    if (!have_bound) return fail(directive(), "nonlocal declaration not allowed at module level");
    if (!bound->count(name)) return fail(directive(), "no binding for nonlocal '" + q(name) + "' found");
    sym.scope = NameScope::kFree;
    s->has_free = true;
    free->insert(name);
    return true;
  }
  if (sym.flags & SymFlag::kBound) {
    sym.scope = NameScope::kLocal;
    local->insert(name);
    global->erase(name);
    return true;
  }
  if (have_bound && bound->count(name)) {
    sym.scope = NameScope::kFree;
    s->has_free = true;
    free->insert(name);
    return true;
  }
  sym.scope = NameScope::kGlobalImplicit;
  if (s->is_nested) s->has_free = true;
  return true;
}

bool SymtableBuilder::analyze(Scope* s, const NameSet* parent_bound, const NameSet& parent_global, NameSet* free_out) {
  // Work on copies: what a block declares does not leak into its siblings.
  NameSet bound = parent_bound ? *parent_bound : NameSet();
  NameSet global = parent_global;
  NameSet local, free, newbound, newglobal;
  bool have_bound = parent_bound != nullptr;

  if (s->kind == BlockKind::kClass) {
    // A class's own names are invisible to its methods: pass down what was
    // known before the class body.
    newglobal = global;
    newbound = bound;
  }
  for (Symbol& sym : s->symbols)
    if (!analyze_name(s, sym, &bound, &local, &free, &global, have_bound)) return false;

  if (s->kind != BlockKind::kClass) {
    if (s->kind == BlockKind::kFunction) newbound.insert(local.begin(), local.end());
    newbound.insert(bound.begin(), bound.end());
    newglobal.insert(global.begin(), global.end());
  } else {
    newbound.insert("__class__");
  }

  NameSet allfree;
  for (Scope* child : s->children) {
    NameSet child_free;
    if (!analyze(child, &newbound, newglobal, &child_free)) return false;
    allfree.insert(child_free.begin(), child_free.end());
    if (child->has_free || child->child_has_free) s->child_has_free = true;
  }
  // A class's methods get __class__ from the class's own cell; the class's
  // own free __class__ (a `nonlocal __class__` in its body) stays free.
  if (s->kind == BlockKind::kClass && allfree.erase("__class__")) s->needs_class_closure = true;
  NameSet newfree = free;
  newfree.insert(allfree.begin(), allfree.end());

  if (s->kind == BlockKind::kFunction) {
    // Locals that a nested scope uses become cells.
    for (Symbol& sym : s->symbols) {
      if (sym.scope == NameScope::kLocal && newfree.count(sym.name)) {
        sym.scope = NameScope::kCell;
        newfree.erase(sym.name);
      }
    }
  }

  // Free names of children that this block does not mention pass through it.
  for (std::string_view name : newfree) {
    auto it = s->index.find(name);
    if (it != s->index.end()) {
      Symbol& sym = s->symbols[it->second];
      if (s->kind == BlockKind::kClass && (sym.flags & (SymFlag::kBound | SymFlag::kGlobal))) {
        sym.flags |= SymFlag::kFreeClass;
      }
      continue;  // a global (explicit or implicit) here stays so
    }
    if (!bound.count(name)) continue;  // not bound anywhere: a global
    Symbol& sym = symbol(s, name);
    sym.scope = NameScope::kFree;
    s->has_free = true;
  }
  // Keep only the names that are free here (or pass through) for the parent.
  for (std::string_view name : newfree) free_out->insert(name);
  return true;
}

bool SymtableBuilder::run(const ModNode* mod) {
  Scope* top = enter(BlockKind::kModule, "top", mod);
  t_->top_ = top;
  bool ok = true;
  if (auto* m = as<Module>(mod)) {
    // `from __future__ import annotations` must come first (after a docstring).
    for (StmtNode* s : m->body) {
      if (auto* imp = as<ImportFrom>(s)) {
        if (imp->module == "__future__") {
          for (Alias* a : imp->names)
            if (a->name == "annotations") t_->future_annotations_ = true;
          continue;
        }
      }
      if (auto* e = as<Expr>(s); e && as<ast::Constant>(e->value) &&
                                 as<ast::Constant>(e->value)->value.kind == ConstKind::Str && s == m->body[0])
        continue;
      break;
    }
    ok = visit_stmts(m->body);
  } else if (auto* i = as<Interactive>(mod)) {
    ok = visit_stmts(i->body);
  } else if (auto* x = as<Expression>(mod)) {
    ok = visit_expr(x->body);
  } else if (auto* ft = as<FunctionType>(mod)) {
    ok = visit_exprs(ft->argtypes) && visit_expr(ft->returns);
  }
  leave();
  if (!ok) return false;
  NameSet free;
  return analyze(top, nullptr, NameSet(), &free);
}

// ---- SymbolTable ------------------------------------------------------------------

bool SymbolTable::build(const ast::ModNode* mod, parse::SyntaxError* error) {
  SymtableBuilder b(this, error);
  bool ok = b.run(mod);
  strings_ = b.take_strings();
  return ok;
}

SymbolTable::~SymbolTable() {
  for (Scope* s : all_) delete s;
}

}  // namespace pyrite::python::compile
