// The compiler driver: code units, names, closures, errors
// (docs/compiler.md). Statements, expressions, patterns, folding and
// assembly live in their own files.
#include "python/compile/compiler.h"

#include <algorithm>

#include "python/compile/codegen.h"

namespace pyrite::python::compile {

using namespace ast;

// ---- errors -------------------------------------------------------------------

void Compiler::error(const Node* at, std::string msg) {
  error_at(at ? Location::of(at) : u().loc, std::move(msg));
}

void Compiler::warn(const Node* at, std::string msg) {
  if (!options_.warnings) return;
  Location loc = at ? Location::of(at) : u().loc;
  parse::CompileWarning w;
  w.category = parse::CompileWarning::Category::kSyntax;
  w.where.msg = std::move(msg);
  w.where.lineno = loc.line;
  w.where.offset = loc.col + 1;
  w.where.end_lineno = loc.end_line;
  w.where.end_offset = loc.end_col + 1;
  // A node compiled twice (a finally body) warns once.
  for (const parse::CompileWarning& o : *options_.warnings)
    if (o.where.lineno == w.where.lineno && o.where.offset == w.where.offset && o.where.msg == w.where.msg) return;
  options_.warnings->push_back(std::move(w));
}

void Compiler::error_at(Location loc, std::string msg) {
  error_->type = "SyntaxError";
  error_->msg = std::move(msg);
  error_->lineno = loc.line;
  error_->offset = loc.col + 1;
  error_->end_lineno = loc.end_line;
  error_->end_offset = loc.end_col + 1;
  throw CompileError{};
}

// ---- emission -------------------------------------------------------------------

void Compiler::emit(Opcode op, int arg) {
  CompileUnit& un = u();
  int handler = un.open_handlers.empty() ? -1 : un.open_handlers.back();
  // LOAD_CONST x n; BUILD_TUPLE n  ->  LOAD_CONST (x, ...), as CPython's
  // flow-graph optimizer does, unless a label falls inside the run.
  if (op == Opcode::BUILD_TUPLE && arg > 0 && static_cast<int>(un.instrs.size()) >= arg) {
    int start = static_cast<int>(un.instrs.size()) - arg;
    bool all = start >= un.last_bind;
    for (int i = start; all && i < static_cast<int>(un.instrs.size()); i++)
      all = un.instrs[i].op == Opcode::LOAD_CONST &&
            un.code->constants[un.instrs[i].arg].kind != Constant::Kind::kCode;
    if (all) {
      Constant t;
      t.kind = Constant::Kind::kTuple;
      for (int i = start; i < static_cast<int>(un.instrs.size()); i++)
        t.items.push_back(un.code->constants[un.instrs[i].arg]);
      // The loads become NOPs: those on lines of their own keep the line.
      for (int i = start; i < static_cast<int>(un.instrs.size()); i++) un.instrs[i].op = Opcode::NOP;
      int idx = add_const(std::move(t));
      un.instrs.push_back(Instr{Opcode::LOAD_CONST, idx, handler, un.loc});
      return;
    }
  }
  un.instrs.push_back(Instr{op, arg, handler, un.loc});
}

void Compiler::emit_noloc(Opcode op, int arg) {
  Location saved = u().loc;
  u().loc = Location{};
  emit(op, arg);
  u().loc = saved;
}

void Compiler::setup(Opcode op, int label) {
  CompileUnit& un = u();
  emit(op, label);
  un.handlers.push_back(Handler{label, static_cast<int>(un.instrs.size()) - 1, op != Opcode::SETUP_FINALLY,
                                un.open_handlers});
  un.open_handlers.push_back(static_cast<int>(un.handlers.size()) - 1);
}

std::vector<int> Compiler::bind_handler(int label) {
  CompileUnit& un = u();
  std::vector<int> previous = un.open_handlers;
  for (const Handler& h : un.handlers)
    if (h.label == label) un.open_handlers = h.outer;
  bind(label);
  return previous;
}

void Compiler::pop_block() {
  PYR_CHECK(!u().open_handlers.empty());
  emit(Opcode::POP_BLOCK);
  u().open_handlers.pop_back();
}

namespace {

// A byte string that is equal for two constants iff same_constant() holds,
// so that dedup is a hash lookup (modules with thousands of constants).
void constant_key(const Constant& c, std::string* out) {
  out->push_back(static_cast<char>(c.kind));
  if (c.kind != Constant::Kind::kValue) {
    uint32_t n = static_cast<uint32_t>(c.items.size());
    out->append(reinterpret_cast<const char*>(&n), sizeof n);
    for (const Constant& x : c.items) constant_key(x, out);
    return;
  }
  const ast::ConstValue& v = c.value;
  out->push_back(static_cast<char>(v.kind));
  switch (v.kind) {
    case ConstKind::Int:
      out->append(reinterpret_cast<const char*>(&v.i), sizeof v.i);
      break;
    case ConstKind::Float:
    case ConstKind::Complex:
      out->append(reinterpret_cast<const char*>(&v.f), sizeof v.f);
      out->append(reinterpret_cast<const char*>(&c.real), sizeof c.real);
      break;
    case ConstKind::BigInt:
    case ConstKind::Str:
    case ConstKind::Bytes: {
      uint32_t n = static_cast<uint32_t>(v.s.size());
      out->append(reinterpret_cast<const char*>(&n), sizeof n);
      out->append(v.s);
      break;
    }
    default:
      break;
  }
}

}  // namespace

int Compiler::add_const(Constant c) {
  std::vector<Constant>& consts = u().code->constants;
  if (c.kind != Constant::Kind::kCode) {
    std::string key;
    constant_key(c, &key);
    auto [it, inserted] = u().const_index.emplace(std::move(key), static_cast<int>(consts.size()));
    if (!inserted) return it->second;
  }
  consts.push_back(std::move(c));
  return static_cast<int>(consts.size()) - 1;
}

int Compiler::add_name(std::string_view name) {
  CompileUnit& un = u();
  auto it = un.names_map.find(std::string(name));
  if (it != un.names_map.end()) return it->second;
  int idx = static_cast<int>(un.code->names.size());
  un.code->names.emplace_back(name);
  un.names_map.emplace(std::string(name), idx);
  return idx;
}

std::string_view Compiler::mangle_name(std::string_view name) {
  std::string storage;
  std::string_view m = mangle(u().private_name, name, &storage);
  if (m.data() != storage.data()) return name;
  return arena_.copy(storage);
}

// ---- units ------------------------------------------------------------------------

std::string Compiler::qualname_for(std::string_view name, UnitKind kind) {
  if (units_.size() <= 1) return std::string(name);
  CompileUnit& parent = *units_[units_.size() - 1];
  if (parent.kind == UnitKind::kModule) return std::string(name);
  if (kind == UnitKind::kFunction || kind == UnitKind::kAsyncFunction || kind == UnitKind::kClass) {
    std::string storage;
    std::string_view m = mangle(parent.private_name, name, &storage);
    if (parent.scope->scope_of(m) == NameScope::kGlobalExplicit) return std::string(name);
  }
  std::string base = parent.code->qualname;
  if (parent.kind == UnitKind::kFunction || parent.kind == UnitKind::kAsyncFunction ||
      parent.kind == UnitKind::kLambda)
    base += ".<locals>";
  return base + "." + std::string(name);
}

void Compiler::enter_unit(UnitKind kind, std::string_view name, const Node* node, int firstline) {
  std::string qualname = qualname_for(name, kind);
  auto unit = std::make_unique<CompileUnit>();
  unit->kind = kind;
  unit->scope = kind == UnitKind::kModule ? st_.top() : st_.scope_for(node);
  PYR_CHECK(unit->scope);
  unit->code = std::make_unique<CodeUnit>();
  unit->code->name = std::string(name);
  unit->code->qualname = qualname;
  unit->code->filename = filename_;
  unit->code->first_line = firstline;
  if (kind == UnitKind::kClass) unit->private_name = std::string(name);
  else if (!units_.empty()) unit->private_name = units_.back()->private_name;
  Scope* sc = unit->scope;
  CodeUnit* code = unit->code.get();

  bool optimized = sc->kind == BlockKind::kFunction;
  if (optimized) {
    // Parameters first, in order; then every other local of the scope.
    for (std::string_view p : sc->params) {
      unit->varnames_map.emplace(std::string(p), static_cast<int>(code->varnames.size()));
      code->varnames.emplace_back(p);
    }
    for (const Symbol& s : sc->symbols) {
      if (s.scope != NameScope::kLocal || unit->varnames_map.count(std::string(s.name))) continue;
      // `x: int` alone never touches x; a later store adds it lazily.
      if ((s.flags & ~(SymFlag::kAnnot | SymFlag::kLocal)) == 0) continue;
      unit->varnames_map.emplace(std::string(s.name), static_cast<int>(code->varnames.size()));
      code->varnames.emplace_back(s.name);
    }
  }
  // Cells: parameters first, in parameter order, then the rest sorted.
  for (std::string_view p : sc->params)
    if (sc->scope_of(p) == NameScope::kCell) code->cellvars.emplace_back(p);
  size_t nparam_cells = code->cellvars.size();
  for (const Symbol& s : sc->symbols)
    if (s.scope == NameScope::kCell && !(s.flags & SymFlag::kParam)) code->cellvars.emplace_back(s.name);
  if (sc->needs_class_closure) code->cellvars.emplace_back("__class__");
  std::sort(code->cellvars.begin() + nparam_cells, code->cellvars.end());
  for (const Symbol& s : sc->symbols)
    if (s.scope == NameScope::kFree || (s.flags & SymFlag::kFreeClass)) code->freevars.emplace_back(s.name);
  std::sort(code->freevars.begin(), code->freevars.end());

  // Fast slots: varnames, then cells that are not parameters, then frees.
  std::vector<std::string> lp(code->varnames.begin(), code->varnames.end());
  std::vector<uint8_t> kinds(lp.size(), SlotKind::kLocal);
  for (size_t i = 0; i < code->cellvars.size(); i++) {
    const std::string& c = code->cellvars[i];
    auto it = unit->varnames_map.find(c);
    if (it != unit->varnames_map.end()) {
      kinds[it->second] |= SlotKind::kCell;
      unit->cell_map.emplace(c, it->second);
    } else {
      unit->cell_map.emplace(c, static_cast<int>(lp.size()));
      lp.push_back(c);
      kinds.push_back(SlotKind::kCell);
    }
  }
  for (const std::string& f : code->freevars) {
    unit->free_map.emplace(f, static_cast<int>(lp.size()));
    lp.push_back(f);
    kinds.push_back(SlotKind::kFree);
  }
  code->set_localsplus(std::move(lp), std::move(kinds));

  uint32_t flags = 0;
  if (optimized) {
    flags |= CodeFlag::kOptimized | CodeFlag::kNewLocals;
    if (sc->is_nested) flags |= CodeFlag::kNested;
    if (sc->is_generator && !sc->is_coroutine) flags |= CodeFlag::kGenerator;
    if (!sc->is_generator && sc->is_coroutine) flags |= CodeFlag::kCoroutine;
    if (sc->is_generator && sc->is_coroutine) flags |= CodeFlag::kAsyncGenerator;
    if (sc->has_varargs) flags |= CodeFlag::kVarargs;
    if (sc->has_varkeywords) flags |= CodeFlag::kVarkeywords;
  }
  if (future_annotations_) flags |= CodeFlag::kFutureAnnotations;
  code->flags = flags;

  units_.push_back(std::move(unit));
  CompileUnit& un = u();
  // The prologue: cells, closure, generator creation, then RESUME.
  // As in CPython 3.11, MAKE_CELL and COPY_FREE_VARS have no location and
  // RETURN_GENERATOR, POP_TOP the first line without columns: a generator
  // not started yet is at its def line (gi_frame.f_lineno, asyncio's reprs).
  un.loc = Location{};
  for (size_t i = 0; i < code->cellvars.size(); i++) emit(Opcode::MAKE_CELL, un.cell_map[code->cellvars[i]]);
  if (!code->freevars.empty()) emit(Opcode::COPY_FREE_VARS, static_cast<int>(code->freevars.size()));
  if (flags & (CodeFlag::kGenerator | CodeFlag::kCoroutine | CodeFlag::kAsyncGenerator)) {
    un.loc = Location{firstline, firstline, -1, -1};
    emit(Opcode::RETURN_GENERATOR);
    emit(Opcode::POP_TOP);
  }
  // RESUME: the first line, columns 0-0 (a module: lines 0-1), as CPython 3.11's co_positions() shows.
  un.loc = Location{kind == UnitKind::kModule ? 0 : firstline, kind == UnitKind::kModule ? 1 : firstline, 0, 0};
  emit(Opcode::RESUME, 0);
}

std::unique_ptr<CodeUnit> Compiler::leave_unit() {
  CompileUnit& un = u();
  assemble(un);
  std::unique_ptr<CodeUnit> code = std::move(un.code);
  units_.pop_back();
  return code;
}

// ---- names -------------------------------------------------------------------------

int Compiler::local_slot(std::string_view name) {
  CompileUnit& un = u();
  auto it = un.varnames_map.find(std::string(name));
  if (it != un.varnames_map.end()) return it->second;
  // An annotated-only local that is stored after all.
  int idx = static_cast<int>(un.code->varnames.size());
  un.code->varnames.emplace_back(name);
  un.varnames_map.emplace(std::string(name), idx);
  PYR_CHECK_MSG(un.code->cellvars.empty() && un.code->freevars.empty(), "late local in a unit with cells");
  std::vector<std::string> lp = un.code->localsplus_names();
  std::vector<uint8_t> kinds = un.code->localsplus_kinds();
  lp.insert(lp.begin() + idx, std::string(name));
  kinds.insert(kinds.begin() + idx, SlotKind::kLocal);
  un.code->set_localsplus(std::move(lp), std::move(kinds));
  return idx;
}

int Compiler::cell_slot(std::string_view name) {
  auto it = u().cell_map.find(std::string(name));
  PYR_CHECK(it != u().cell_map.end());
  return it->second;
}

int Compiler::free_slot(std::string_view name) {
  auto it = u().free_map.find(std::string(name));
  PYR_CHECK_MSG(it != u().free_map.end(), "free variable missing from the unit");
  return it->second;
}

int Compiler::deref_slot(std::string_view name) {
  auto it = u().cell_map.find(std::string(name));
  if (it != u().cell_map.end()) return it->second;
  return free_slot(name);
}

void Compiler::nameop(std::string_view raw, ExprContext ctx) {
  std::string_view name = mangle_name(raw);
  CompileUnit& un = u();
  NameScope scope = un.scope->scope_of(name);
  bool function = un.scope->kind == BlockKind::kFunction;
  enum { kName, kFast, kDeref, kGlobal } optype = kName;
  switch (scope) {
    case NameScope::kFree:
    case NameScope::kCell:
      optype = kDeref;
      break;
    case NameScope::kLocal:
      if (function) optype = kFast;
      break;
    case NameScope::kGlobalImplicit:
      if (function) optype = kGlobal;
      break;
    case NameScope::kGlobalExplicit:
      optype = kGlobal;
      break;
    case NameScope::kUnknown:
      break;
  }
  switch (optype) {
    case kDeref: {
      // A free name uses the free variable even when a class body also has
      // its own __class__ cell for its methods (`nonlocal __class__`).
      int slot = scope == NameScope::kFree ? free_slot(name) : deref_slot(name);
      if (ctx == ExprContext::Load)
        emit(un.scope->kind == BlockKind::kClass ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF, slot);
      else emit(ctx == ExprContext::Store ? Opcode::STORE_DEREF : Opcode::DELETE_DEREF, slot);
      return;
    }
    case kFast: {
      int slot = local_slot(name);
      emit(ctx == ExprContext::Load ? Opcode::LOAD_FAST
           : ctx == ExprContext::Store ? Opcode::STORE_FAST : Opcode::DELETE_FAST, slot);
      return;
    }
    case kGlobal: {
      int idx = add_name(name);
      if (ctx == ExprContext::Load) emit(Opcode::LOAD_GLOBAL, idx << 1);
      else emit(ctx == ExprContext::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL, idx);
      return;
    }
    case kName: {
      int idx = add_name(name);
      emit(ctx == ExprContext::Load ? Opcode::LOAD_NAME
           : ctx == ExprContext::Store ? Opcode::STORE_NAME : Opcode::DELETE_NAME, idx);
      return;
    }
  }
}

// Pushes a new function for `co`: its closure cells (if any), the code
// constant, MAKE_FUNCTION. The optional items `flags` names are already pushed.
void Compiler::make_function(std::shared_ptr<CodeUnit> co, int flags) {
  if (!co->freevars.empty()) {
    // deref_slot finds a class body's own __class__ cell before any free variable.
    for (const std::string& name : co->freevars) emit(Opcode::LOAD_CLOSURE, deref_slot(name));
    emit(Opcode::BUILD_TUPLE, static_cast<int>(co->freevars.size()));
    flags |= MakeFunction::kClosure;
  }
  Constant c;
  c.kind = Constant::Kind::kCode;
  c.code = std::move(co);
  emit(Opcode::LOAD_CONST, add_const(std::move(c)));
  emit(Opcode::MAKE_FUNCTION, flags);
}

// ---- the module ----------------------------------------------------------------------

std::unique_ptr<CodeUnit> Compiler::compile(ModNode* mod) {
  future_annotations_ = st_.future_annotations();
  enter_unit(UnitKind::kModule, "<module>", mod, 1);
  if (auto* m = as<Module>(mod)) {
    if (!m->body.empty()) {
      // Module-level annotations need __annotations__ to exist first.
      bool has_annotations = false;
      std::vector<StmtNode*> work(m->body.begin(), m->body.end());
      // Only direct and nested-block statements count, not function bodies.
      while (!work.empty() && !has_annotations) {
        StmtNode* s = work.back();
        work.pop_back();
        if (is<AnnAssign>(s)) has_annotations = true;
        auto add = [&](const List<StmtNode>& l) { work.insert(work.end(), l.begin(), l.end()); };
        switch (s->kind) {
          case Kind::For: add(as<For>(s)->body); add(as<For>(s)->orelse); break;
          case Kind::AsyncFor: add(as<AsyncFor>(s)->body); add(as<AsyncFor>(s)->orelse); break;
          case Kind::While: add(as<While>(s)->body); add(as<While>(s)->orelse); break;
          case Kind::If: add(as<If>(s)->body); add(as<If>(s)->orelse); break;
          case Kind::With: add(as<With>(s)->body); break;
          case Kind::AsyncWith: add(as<AsyncWith>(s)->body); break;
          case Kind::Try: case Kind::TryStar: {
            auto* t = static_cast<Try*>(s);
            add(t->body); add(t->orelse); add(t->finalbody);
            for (ExceptHandlerNode* h : t->handlers) add(static_cast<ExceptHandler*>(h)->body);
            break;
          }
          case Kind::Match:
            for (MatchCase* c : as<Match>(s)->cases) add(c->body);
            break;
          default: break;
        }
      }
      if (has_annotations) {
        set_loc(m->body[0]);
        emit(Opcode::SETUP_ANNOTATIONS);
      }
    }
    body_with_docstring(m->body, true);
    no_loc();
    load_none();
    emit(Opcode::RETURN_VALUE);
  } else if (auto* i = as<Interactive>(mod)) {
    options_.interactive = true;
    stmts(i->body);
    no_loc();
    load_none();
    emit(Opcode::RETURN_VALUE);
  } else if (auto* e = as<Expression>(mod)) {
    expr(e->body);
    emit(Opcode::RETURN_VALUE);
  } else {
    error(mod, "cannot compile a function type");
  }
  return leave_unit();
}

// Offsets were recorded as UTF-8 byte columns + 1: make them code-point
// columns and attach the line, as CPython's SyntaxError has them.
static void locate_in_source(std::string_view source, parse::SyntaxError* err) {
  if (!source.empty() && err->lineno > 0) {
    std::string_view src = source;
    size_t pos = 0;
    for (int line = 1; line < err->lineno && pos != std::string_view::npos; line++) {
      pos = src.find('\n', pos);
      if (pos != std::string_view::npos) pos++;
    }
    if (pos != std::string_view::npos && pos <= src.size()) {
      size_t end = src.find('\n', pos);
      std::string_view text = src.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (err->offset > 0) err->offset = parse::char_offset(text, err->offset - 1);
      if (err->end_offset > 0 && err->end_lineno == err->lineno)
        err->end_offset = parse::char_offset(text, err->end_offset - 1);
      err->text = std::string(text);
    }
  }
}

std::unique_ptr<CodeUnit> compile_module(ModNode* mod, std::string_view filename, base::Arena& arena,
                                         parse::SyntaxError* error, const CompileOptions& options) {
  parse::SyntaxError local;
  parse::SyntaxError* err = error ? error : &local;
  SymbolTable st;
  if (options.inherited_flags & CodeFlag::kFutureAnnotations) st.inherit_future_annotations();
  bool ok = st.build(mod, err);
  std::unique_ptr<CodeUnit> result;
  if (ok) {
    Compiler c(st, arena, filename, options, err);
    try {
      result = c.compile(mod);
    } catch (const CompileError&) {
      ok = false;
    }
  }
  // Warnings: located as errors (below); CPython's compiler gives them no
  // source line.
  if (options.warnings) {
    for (parse::CompileWarning& w : *options.warnings) {
      if (w.category != parse::CompileWarning::Category::kSyntax || !w.where.filename.empty()) continue;
      w.where.filename = std::string(filename);
      locate_in_source(options.source, &w.where);
      w.where.text.clear();
    }
  }
  if (ok) return result;
  err->filename = std::string(filename);
  locate_in_source(options.source, err);
  return nullptr;
}


}  // namespace pyrite::python::compile
