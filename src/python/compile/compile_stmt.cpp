// Statements: control flow, exception handling, definitions, imports
// (docs/compiler.md, "Control flow" and "Exceptions").
//
// Invariants: every loop back-edge is a JUMP (resolved to JUMP_BACKWARD),
// conditional jumps only go forward, and each SETUP_* is closed by exactly
// one POP_BLOCK on every path that leaves its region normally. return,
// break and continue run the unwinding code of each block they leave
// (unwind_fblock), with the handler stack restored afterwards for the
// code that follows lexically.
#include "python/compile/codegen.h"

namespace pyrite::python::compile {

using namespace ast;

namespace {

bool has_annotations(const List<StmtNode>& body);

template <class TryNode>
bool try_has_annotations(TryNode* t) {
  if (has_annotations(t->body) || has_annotations(t->orelse) || has_annotations(t->finalbody)) return true;
  for (ExceptHandlerNode* h : t->handlers)
    if (has_annotations(static_cast<ExceptHandler*>(h)->body)) return true;
  return false;
}

// A class body gets SETUP_ANNOTATIONS when an annotated assignment appears
// in it at any block depth, nested scopes excluded. Blocks nest at most 100
// deep (the tokenizer's indentation limit), so recursion is safe.
bool has_annotations(const List<StmtNode>& body) {
  for (StmtNode* st : body) {
    if (is<AnnAssign>(st)) return true;
    bool found = false;
    if (auto* x = as<For>(st)) found = has_annotations(x->body) || has_annotations(x->orelse);
    else if (auto* x = as<While>(st)) found = has_annotations(x->body) || has_annotations(x->orelse);
    else if (auto* x = as<If>(st)) found = has_annotations(x->body) || has_annotations(x->orelse);
    else if (auto* x = as<With>(st)) found = has_annotations(x->body);
    else if (auto* x = as<AsyncFor>(st)) found = has_annotations(x->body) || has_annotations(x->orelse);
    else if (auto* x = as<AsyncWith>(st)) found = has_annotations(x->body);
    else if (auto* x = as<Try>(st)) found = try_has_annotations(x);
    else if (auto* x = as<TryStar>(st)) found = try_has_annotations(x);
    if (found) return true;
  }
  return false;
}

constexpr size_t kMaxBlocks = 20;  // CPython's CO_MAXBLOCKS

bool is_docstring(StmtNode* s) {
  auto* e = as<Expr>(s);
  if (!e) return false;
  auto* c = as<ast::Constant>(e->value);
  return c && c->value.kind == ConstKind::Str;
}

}  // namespace

// ---- fblocks -----------------------------------------------------------------------

void Compiler::push_fblock(FBlockKind kind, int block, int exit, const Node* datum, std::string_view name) {
  if (u().fblocks.size() >= kMaxBlocks) error(nullptr, "too many statically nested blocks");
  u().fblocks.push_back(FBlock{kind, block, exit, datum, name});
}

void Compiler::pop_fblock(FBlockKind kind) {
  PYR_CHECK(!u().fblocks.empty() && u().fblocks.back().kind == kind);
  u().fblocks.pop_back();
}

void Compiler::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  // [exit, None, None, None]: CALL 2 calls exit with a "self" of None.
  emit(Opcode::CALL, 2);
}

void Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
    case FBlockKind::kWhileLoop:
    case FBlockKind::kExceptionHandler:
    case FBlockKind::kExceptionGroupHandler:
    case FBlockKind::kAsyncComprehensionGenerator:
      return;
    case FBlockKind::kForLoop:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);
      return;
    case FBlockKind::kTryExcept:
      pop_block();
      return;
    case FBlockKind::kFinallyTry: {
      pop_block();
      if (preserve_tos) push_fblock(FBlockKind::kPopValue, -1, -1);
      Location saved = u().loc;
      stmts(static_cast<const Try*>(fb.datum)->finalbody);
      u().loc = saved;
      if (preserve_tos) pop_fblock(FBlockKind::kPopValue);
      return;
    }
    case FBlockKind::kFinallyEnd:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);  // the exception
      if (preserve_tos) emit(Opcode::SWAP, 2);
      pop_block();
      emit(Opcode::POP_EXCEPT);
      return;
    case FBlockKind::kWith:
    case FBlockKind::kAsyncWith: {
      Location saved = u().loc;
      set_loc(fb.datum);
      pop_block();
      if (preserve_tos) emit(Opcode::SWAP, 2);
      call_exit_with_nones();
      if (fb.kind == FBlockKind::kAsyncWith) {
        emit(Opcode::GET_AWAITABLE, 2);
        load_none();
        yield_from_loop(3);
      }
      emit(Opcode::POP_TOP);
      u().loc = saved;
      return;
    }
    case FBlockKind::kHandlerCleanup:
      if (!fb.name.empty()) pop_block();
      if (preserve_tos) emit(Opcode::SWAP, 2);
      pop_block();
      emit(Opcode::POP_EXCEPT);
      if (!fb.name.empty()) {
        load_none();
        nameop(fb.name, ExprContext::Store);
        nameop(fb.name, ExprContext::Del);
      }
      return;
    case FBlockKind::kPopValue:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);
      return;
  }
}

void Compiler::unwind_fblock_stack(bool preserve_tos, const FBlock** loop) {
  std::vector<FBlock>& fbs = u().fblocks;
  if (fbs.empty()) return;
  FBlock top = fbs.back();
  if (top.kind == FBlockKind::kExceptionGroupHandler)
    error(nullptr, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.kind == FBlockKind::kWhileLoop || top.kind == FBlockKind::kForLoop)) {
    *loop = &fbs.back();
    return;
  }
  fbs.pop_back();
  unwind_fblock(top, preserve_tos);
  unwind_fblock_stack(preserve_tos, loop);
  u().fblocks.push_back(top);
  if (loop && *loop) {
    // The vector may have been reallocated while unwinding; find the loop again.
    for (size_t i = u().fblocks.size(); i-- > 0;)
      if (u().fblocks[i].kind == FBlockKind::kWhileLoop || u().fblocks[i].kind == FBlockKind::kForLoop) {
        *loop = &u().fblocks[i];
        break;
      }
  }
}

// ---- statements -------------------------------------------------------------------------

void Compiler::body_with_docstring(const List<StmtNode>& body, bool is_module) {
  uint32_t i = 0;
  if (!body.empty() && is_docstring(body[0])) {
    i = 1;
    if (options_.optimize < 2) {
      set_loc(body[0]);
      expr(static_cast<Expr*>(body[0])->value);
      nameop("__doc__", ExprContext::Store);
    }
  }
  for (; i < body.size; i++) stmt(body[i]);
}

void Compiler::stmt(StmtNode* s) {
  set_loc(s);
  switch (s->kind) {
    case Kind::FunctionDef:
    case Kind::AsyncFunctionDef:
      return function_def(s);
    case Kind::ClassDef:
      return class_def(static_cast<ClassDef*>(s));
    case Kind::Return:
      return return_stmt(static_cast<Return*>(s));
    case Kind::Delete:
      return delete_stmt(static_cast<Delete*>(s));
    case Kind::Assign:
      return assign(static_cast<Assign*>(s));
    case Kind::AugAssign:
      return aug_assign(static_cast<AugAssign*>(s));
    case Kind::AnnAssign:
      return ann_assign(static_cast<AnnAssign*>(s));
    case Kind::For:
      return for_stmt(static_cast<For*>(s));
    case Kind::AsyncFor:
      return async_for(static_cast<AsyncFor*>(s));
    case Kind::While:
      return while_stmt(static_cast<While*>(s));
    case Kind::If:
      return if_stmt(static_cast<If*>(s));
    case Kind::With:
      return with_stmt(static_cast<With*>(s), 0);
    case Kind::AsyncWith:
      return async_with(static_cast<AsyncWith*>(s), 0);
    case Kind::Match:
      return match_stmt(static_cast<Match*>(s));
    case Kind::Raise:
      return raise(static_cast<Raise*>(s));
    case Kind::Try:
      return try_stmt(static_cast<Try*>(s));
    case Kind::TryStar:
      return try_stmt(static_cast<TryStar*>(s));
    case Kind::Assert:
      return assert_stmt(static_cast<Assert*>(s));
    case Kind::Import:
      return import(static_cast<Import*>(s));
    case Kind::ImportFrom:
      return import_from(static_cast<ImportFrom*>(s));
    case Kind::Global:
    case Kind::Nonlocal:
      return;
    case Kind::Expr:
      return expr_stmt(static_cast<Expr*>(s));
    case Kind::Pass:
      emit(Opcode::NOP);
      return;
    case Kind::Break:
      return break_stmt(s);
    case Kind::Continue:
      return continue_stmt(s);
    default:
      error(s, "unknown statement kind");
  }
}

void Compiler::expr_stmt(Expr* s) {
  if (options_.interactive && u().kind == UnitKind::kModule) {
    expr(s->value);
    emit(Opcode::PRINT_EXPR);
    return;
  }
  if (is<ast::Constant>(s->value)) {
    emit(Opcode::NOP);  // keeps the line for tracing
    return;
  }
  expr(s->value);
  emit(Opcode::POP_TOP);
}

// ---- definitions --------------------------------------------------------------------------

void Compiler::function_def(StmtNode* s) {
  bool is_async = s->kind == Kind::AsyncFunctionDef;
  Ident name;
  Arguments* args;
  List<StmtNode> body;
  List<ExprNode> decorators;
  ExprNode* returns;
  if (is_async) {
    auto* f = static_cast<AsyncFunctionDef*>(s);
    name = f->name, args = f->args, body = f->body, decorators = f->decorator_list, returns = f->returns;
  } else {
    auto* f = static_cast<FunctionDef*>(s);
    name = f->name, args = f->args, body = f->body, decorators = f->decorator_list, returns = f->returns;
  }
  exprs(decorators);
  int firstline = decorators.empty() ? s->lineno : decorators[0]->lineno;
  set_loc(s);
  int flags = 0;
  defaults(args, &flags);
  if (annotations(args, returns)) flags |= MakeFunction::kAnnotations;

  enter_unit(is_async ? UnitKind::kAsyncFunction : UnitKind::kFunction, name, s, firstline);
  CodeUnit* code = u().code.get();
  // consts[0] is the docstring or None: the function object reads it there.
  if (!body.empty() && is_docstring(body[0]) && options_.optimize < 2)
    add_const(Constant::of(static_cast<ast::Constant*>(static_cast<Expr*>(body[0])->value)->value));
  else add_const(Constant::none());
  code->argcount = static_cast<int>(args->posonlyargs.size + args->args.size);
  code->posonlyargcount = static_cast<int>(args->posonlyargs.size);
  code->kwonlyargcount = static_cast<int>(args->kwonlyargs.size);
  uint32_t start = !body.empty() && is_docstring(body[0]) ? 1 : 0;
  for (uint32_t i = start; i < body.size; i++) stmt(body[i]);
  // Falling off the end returns None (unreachable copies are dropped later).
  no_loc();
  load_none();
  emit(Opcode::RETURN_VALUE);
  std::shared_ptr<CodeUnit> co = leave_unit();
  set_loc(s);
  make_function(co, flags);
  for (uint32_t i = decorators.size; i-- > 0;) {
    set_loc(decorators[i]);
    emit(Opcode::CALL, 0);
  }
  set_loc(s);
  nameop(name, ExprContext::Store);
}

void Compiler::class_def(ClassDef* s) {
  exprs(s->decorator_list);
  int firstline = s->decorator_list.empty() ? s->lineno : s->decorator_list[0]->lineno;
  set_loc(s);
  enter_unit(UnitKind::kClass, s->name, s, firstline);
  // The body's prologue belongs to the first line (the decorator's).
  set_loc(Location{firstline, firstline, -1, -1});
  nameop("__name__", ExprContext::Load);
  nameop("__module__", ExprContext::Store);
  {
    ast::ConstValue q;
    q.kind = ConstKind::Str;
    q.s = arena_.copy(u().code->qualname);
    load_const_value(q);
  }
  nameop("__qualname__", ExprContext::Store);
  if (has_annotations(s->body)) emit(Opcode::SETUP_ANNOTATIONS);
  body_with_docstring(s->body, false);
  no_loc();
  if (u().scope->needs_class_closure) {
    emit(Opcode::LOAD_CLOSURE, cell_slot("__class__"));
    emit(Opcode::COPY, 1);
    nameop("__classcell__", ExprContext::Store);
  } else {
    load_none();
  }
  emit(Opcode::RETURN_VALUE);
  std::shared_ptr<CodeUnit> co = leave_unit();
  set_loc(s);
  emit(Opcode::PUSH_NULL);
  emit(Opcode::LOAD_BUILD_CLASS);
  make_function(co, 0);
  ast::ConstValue n;
  n.kind = ConstKind::Str;
  n.s = s->name;
  load_const_value(n);
  call_helper(2, s->bases, s->keywords);
  for (uint32_t i = s->decorator_list.size; i-- > 0;) {
    set_loc(s->decorator_list[i]);
    emit(Opcode::CALL, 0);
  }
  set_loc(s);
  nameop(s->name, ExprContext::Store);
}

// ---- assignment ------------------------------------------------------------------------------

void Compiler::assign(Assign* s) {
  // `a, b = b, a` without building the tuple.
  if (s->targets.size == 1) {
    const List<ExprNode>* lhs = nullptr;
    const List<ExprNode>* rhs = nullptr;
    if (auto* t = as<Tuple>(s->targets[0])) lhs = &t->elts;
    if (auto* t = as<ast::ListExpr>(s->targets[0])) lhs = &t->elts;
    if (auto* t = as<Tuple>(s->value)) rhs = &t->elts;
    if (auto* t = as<ast::ListExpr>(s->value)) rhs = &t->elts;
    auto no_star = [](const List<ExprNode>& l) {
      for (ExprNode* e : l)
        if (is<Starred>(e)) return false;
      return true;
    };
    if (lhs && rhs && lhs->size == rhs->size && (lhs->size == 2 || lhs->size == 3) && no_star(*lhs) &&
        no_star(*rhs)) {
      Constant folded;
      if (!fold(s->value, &folded)) {
        exprs(*rhs);
        emit(Opcode::SWAP, static_cast<int>(lhs->size));
        for (ExprNode* t : *lhs) store_target(t);
        return;
      }
    }
  }
  expr(s->value);
  for (uint32_t i = 0; i < s->targets.size; i++) {
    if (i + 1 < s->targets.size) emit(Opcode::COPY, 1);
    store_target(s->targets[i]);
  }
}

void Compiler::aug_assign(AugAssign* s) {
  int op = static_cast<int>(s->op) + kInplaceOffset;
  ExprNode* t = s->target;
  if (auto* a = as<Attribute>(t)) {
    expr(a->value);
    emit(Opcode::COPY, 1);
    emit(Opcode::LOAD_ATTR, add_name(mangle_name(a->attr)));
    expr(s->value);
    set_loc(s);
    emit(Opcode::BINARY_OP, op);
    emit(Opcode::SWAP, 2);
    emit(Opcode::STORE_ATTR, add_name(mangle_name(a->attr)));
  } else if (auto* sub = as<Subscript>(t)) {
    expr(sub->value);
    slice(sub->slice);
    emit(Opcode::COPY, 2);
    emit(Opcode::COPY, 2);
    emit(Opcode::BINARY_SUBSCR);
    expr(s->value);
    set_loc(s);
    emit(Opcode::BINARY_OP, op);
    emit(Opcode::SWAP, 3);
    emit(Opcode::SWAP, 2);
    emit(Opcode::STORE_SUBSCR);
  } else if (auto* n = as<Name>(t)) {
    if (n->id == "__debug__") error(t, "cannot assign to __debug__");
    nameop(n->id, ExprContext::Load);
    expr(s->value);
    set_loc(s);
    emit(Opcode::BINARY_OP, op);
    nameop(n->id, ExprContext::Store);
  } else {
    error(s, "invalid node type for augmented assignment");
  }
}

void Compiler::check_annotation(ExprNode* e) {
  // Complex targets' annotations are evaluated (for their errors) in
  // modules and classes, never stored.
  if (future_annotations_) return;
  if (u().kind == UnitKind::kModule || u().kind == UnitKind::kClass) {
    annotation_value(e);
    emit(Opcode::POP_TOP);
  }
}

void Compiler::ann_assign(AnnAssign* s) {
  if (s->value) {
    expr(s->value);
    store_target(s->target);
  }
  bool module_or_class = u().kind == UnitKind::kModule || u().kind == UnitKind::kClass;
  if (auto* n = as<Name>(s->target)) {
    if (n->id == "__debug__") error(s->target, "cannot assign to __debug__");
    if (s->simple && module_or_class) {
      annotation_value(s->annotation);
      nameop("__annotations__", ExprContext::Load);  // always LOAD_NAME here
      ast::ConstValue k;
      k.kind = ConstKind::Str;
      k.s = mangle_name(n->id);
      load_const_value(k);
      emit(Opcode::STORE_SUBSCR);
    }
  } else if (auto* a = as<Attribute>(s->target)) {
    if (!s->value) {
      expr(a->value);
      emit(Opcode::POP_TOP);
    }
  } else if (auto* sub = as<Subscript>(s->target)) {
    if (!s->value) {
      expr(sub->value);
      emit(Opcode::POP_TOP);
      if (auto* tup = as<Tuple>(sub->slice)) {
        for (ExprNode* e : tup->elts) {
          expr(e);
          emit(Opcode::POP_TOP);
        }
      } else {
        slice(sub->slice);
        emit(Opcode::POP_TOP);
      }
    }
  } else {
    error(s, "invalid node type for annotated assignment");
  }
  if (!s->simple) check_annotation(s->annotation);
}

void Compiler::delete_stmt(Delete* s) {
  for (ExprNode* t : s->targets) expr(t);
}

// ---- loops and conditionals -----------------------------------------------------------------

void Compiler::for_stmt(For* s) {
  int start = new_label(), cleanup = new_label(), end = new_label();
  ExprNode* iter = s->iter;
  // `for x in [1, 2]` iterates a constant tuple.
  if (auto* l = as<ast::ListExpr>(iter)) {
    bool has_star = false;
    for (ExprNode* e : l->elts) has_star |= is<Starred>(e);
    if (!has_star) {
      auto* t = make<Tuple>(arena_, l->lineno, l->col_offset, l->end_lineno, l->end_col_offset);
      t->elts = l->elts;
      t->ctx = ExprContext::Load;
      iter = t;
    }
  }
  Constant fs;
  if (fold_set_display(iter, &fs)) load_const(fs);
  else expr(iter);
  set_loc(s);
  emit(Opcode::GET_ITER);
  bind(start);
  push_fblock(FBlockKind::kForLoop, start, end);
  emit_jump(Opcode::FOR_ITER, cleanup);
  store_target(s->target);
  stmts(s->body);
  no_loc();
  emit_jump(Opcode::JUMP, start);
  pop_fblock(FBlockKind::kForLoop);
  bind(cleanup);
  stmts(s->orelse);
  bind(end);
}

void Compiler::async_for(AsyncFor* s) {
  UnitKind k = u().kind;
  if (k != UnitKind::kAsyncFunction) error(s, "'async for' outside async function");
  int start = new_label(), except = new_label(), end = new_label();
  expr(s->iter);
  set_loc(s);
  emit(Opcode::GET_AITER);
  bind(start);
  push_fblock(FBlockKind::kForLoop, start, end);
  setup(Opcode::SETUP_FINALLY, except);
  emit(Opcode::GET_ANEXT);
  load_none();
  yield_from_loop(3);
  pop_block();
  store_target(s->target);
  stmts(s->body);
  no_loc();
  emit_jump(Opcode::JUMP, start);
  pop_fblock(FBlockKind::kForLoop);
  bind_handler(except);
  set_loc(s);
  emit(Opcode::END_ASYNC_FOR);
  stmts(s->orelse);
  bind(end);
}

void Compiler::while_stmt(While* s) {
  int loop = new_label(), orelse = new_label(), end = new_label();
  bind(loop);
  push_fblock(FBlockKind::kWhileLoop, loop, end);
  jump_if(s->test, orelse, false);
  stmts(s->body);
  no_loc();
  emit_jump(Opcode::JUMP, loop);
  pop_fblock(FBlockKind::kWhileLoop);
  bind(orelse);
  stmts(s->orelse);
  bind(end);
}

void Compiler::if_stmt(If* s) {
  int end = new_label();
  int next = s->orelse.empty() ? end : new_label();
  jump_if(s->test, next, false);
  stmts(s->body);
  if (!s->orelse.empty()) {
    no_loc();
    emit_jump(Opcode::JUMP, end);
    bind(next);
    stmts(s->orelse);
  }
  bind(end);
}

void Compiler::return_stmt(Return* s) {
  if (u().scope->kind != BlockKind::kFunction) error(s, "'return' outside function");
  if (s->value && u().scope->is_coroutine && u().scope->is_generator)
    error(s, "'return' with value in async generator");
  Constant folded;
  bool is_const = s->value && fold(s->value, &folded);
  bool preserve_tos = s->value && !is_const;
  if (preserve_tos) expr(s->value);
  else if (s->value) set_loc(s->value);  // the unwinding code reports the value's line
  std::vector<int> saved = u().open_handlers;
  unwind_fblock_stack(preserve_tos, nullptr);
  set_loc(s);
  if (!s->value) load_none();
  else if (is_const) load_const(folded);
  emit(Opcode::RETURN_VALUE);
  u().open_handlers = saved;
}

void Compiler::break_stmt(StmtNode* s) {
  const FBlock* loop = nullptr;
  std::vector<int> saved = u().open_handlers;
  unwind_fblock_stack(false, &loop);
  if (!loop) error(s, "'break' outside loop");
  FBlock fb = *loop;
  set_loc(s);
  unwind_fblock(fb, false);
  emit_jump(Opcode::JUMP, fb.exit);
  u().open_handlers = saved;
}

void Compiler::continue_stmt(StmtNode* s) {
  const FBlock* loop = nullptr;
  std::vector<int> saved = u().open_handlers;
  unwind_fblock_stack(false, &loop);
  if (!loop) error(s, "'continue' not properly in loop");
  set_loc(s);
  emit_jump(Opcode::JUMP, loop->block);
  u().open_handlers = saved;
}

// ---- with ------------------------------------------------------------------------------------

void Compiler::pop_except_and_reraise() {
  // [prev exc_info, lasti, exc]
  emit(Opcode::COPY, 3);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 1);
}

// Stack: [exit, lasti, prev, exc, exit's result]. Suppress or re-raise.
void Compiler::with_except_finish(int cleanup) {
  no_loc();
  int exit = new_label();
  emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
  emit(Opcode::RERAISE, 2);
  std::vector<int> inner = bind_handler(cleanup);
  pop_except_and_reraise();
  bind(exit);
  u().open_handlers = inner;
  emit(Opcode::POP_TOP);  // the exception
  pop_block();
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::POP_TOP);  // lasti
  emit(Opcode::POP_TOP);  // exit
}

void Compiler::with_stmt(With* s, uint32_t pos) {
  WithItem* item = s->items[pos];
  int final = new_label(), exit = new_label(), cleanup = new_label();
  expr(item->context_expr);
  set_loc(s);
  emit(Opcode::BEFORE_WITH);
  setup(Opcode::SETUP_WITH, final);
  push_fblock(FBlockKind::kWith, -1, final, s);
  if (item->optional_vars) store_target(item->optional_vars);
  else emit(Opcode::POP_TOP);
  if (pos + 1 == s->items.size) stmts(s->body);
  else with_stmt(s, pos + 1);
  pop_fblock(FBlockKind::kWith);
  set_loc(s);
  pop_block();
  call_exit_with_nones();
  emit(Opcode::POP_TOP);
  emit_jump(Opcode::JUMP, exit);
  bind_handler(final);
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  emit(Opcode::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  bind(exit);
}

void Compiler::async_with(AsyncWith* s, uint32_t pos) {
  if (u().kind != UnitKind::kAsyncFunction) error(s, "'async with' outside async function");
  WithItem* item = s->items[pos];
  int final = new_label(), exit = new_label(), cleanup = new_label();
  expr(item->context_expr);
  set_loc(s);
  emit(Opcode::BEFORE_ASYNC_WITH);
  emit(Opcode::GET_AWAITABLE, 1);
  load_none();
  yield_from_loop(3);
  setup(Opcode::SETUP_WITH, final);
  push_fblock(FBlockKind::kAsyncWith, -1, final, s);
  if (item->optional_vars) store_target(item->optional_vars);
  else emit(Opcode::POP_TOP);
  if (pos + 1 == s->items.size) stmts(s->body);
  else async_with(s, pos + 1);
  pop_fblock(FBlockKind::kAsyncWith);
  set_loc(s);
  pop_block();
  call_exit_with_nones();
  emit(Opcode::GET_AWAITABLE, 2);
  load_none();
  yield_from_loop(3);
  emit(Opcode::POP_TOP);
  emit_jump(Opcode::JUMP, exit);
  bind_handler(final);
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  emit(Opcode::WITH_EXCEPT_START);
  emit(Opcode::GET_AWAITABLE, 2);
  load_none();
  yield_from_loop(3);
  with_except_finish(cleanup);
  bind(exit);
}

// ---- try --------------------------------------------------------------------------------------

template <class TryNode>
void Compiler::try_stmt(TryNode* s) {
  if (!s->finalbody.empty()) try_finally(s);
  else try_except(s);
}

// try: body finally: finalbody. The normal path runs a copy of the finally
// body; the exceptional path runs another copy under a cleanup handler.
// The same for try and try*: only the except part differs.
template <class TryNode>
void Compiler::try_finally(TryNode* s) {
  int end = new_label(), exit = new_label(), cleanup = new_label();
  setup(Opcode::SETUP_FINALLY, end);
  push_fblock(FBlockKind::kFinallyTry, -1, end, s);
  if (!s->handlers.empty()) try_except(s);
  else stmts(s->body);
  pop_block();
  pop_fblock(FBlockKind::kFinallyTry);
  stmts(s->finalbody);
  no_loc();
  emit_jump(Opcode::JUMP, exit);
  bind_handler(end);
  no_loc();
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  push_fblock(FBlockKind::kFinallyEnd, -1, -1);
  stmts(s->finalbody);
  pop_fblock(FBlockKind::kFinallyEnd);
  no_loc();
  emit(Opcode::RERAISE, 0);
  bind_handler(cleanup);
  pop_except_and_reraise();
  bind(exit);
}

void Compiler::try_except(Try* s) {
  int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label();
  setup(Opcode::SETUP_FINALLY, except);
  push_fblock(FBlockKind::kTryExcept, -1, -1);
  stmts(s->body);
  pop_fblock(FBlockKind::kTryExcept);
  no_loc();
  pop_block();
  (void)orelse;
  stmts(s->orelse);
  no_loc();
  emit_jump(Opcode::JUMP, end);
  bind_handler(except);
  setup(Opcode::SETUP_CLEANUP, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  push_fblock(FBlockKind::kExceptionHandler, -1, -1);
  uint32_t n = s->handlers.size;
  for (uint32_t i = 0; i < n; i++) {
    auto* h = static_cast<ExceptHandler*>(s->handlers[i]);
    set_loc(h);
    if (!h->type && i + 1 < n) error(h, "default 'except:' must be last");
    std::vector<int> clause_open = u().open_handlers;
    int next = new_label();
    if (h->type) {
      expr(h->type);
      emit(Opcode::CHECK_EXC_MATCH);
      emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
    }
    if (!is_none(h->name)) {
      int cleanup_end = new_label();
      nameop(h->name, ExprContext::Store);
      setup(Opcode::SETUP_CLEANUP, cleanup_end);
      push_fblock(FBlockKind::kHandlerCleanup, -1, -1, nullptr, h->name);
      stmts(h->body);
      pop_fblock(FBlockKind::kHandlerCleanup);
      no_loc();
      pop_block();
      pop_block();
      emit(Opcode::POP_EXCEPT);
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
      emit_jump(Opcode::JUMP, end);
      // The handler body raised: clear the name, re-raise.
      std::vector<int> after = bind_handler(cleanup_end);
      no_loc();
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
      emit(Opcode::RERAISE, 1);
      (void)after;
    } else {
      emit(Opcode::POP_TOP);
      push_fblock(FBlockKind::kHandlerCleanup, -1, -1);
      stmts(h->body);
      pop_fblock(FBlockKind::kHandlerCleanup);
      no_loc();
      pop_block();
      emit(Opcode::POP_EXCEPT);
      emit_jump(Opcode::JUMP, end);
    }
    // The next clause runs under the same cleanup handler as this one.
    u().open_handlers = clause_open;
    bind(next);
  }
  pop_fblock(FBlockKind::kExceptionHandler);
  no_loc();
  emit(Opcode::RERAISE, 0);
  bind_handler(cleanup);
  pop_except_and_reraise();
  bind(end);
}

// except*: each clause splits the group; what the clauses raise and what no
// clause matched are combined by PREP_RERAISE_STAR.
// Stack in the clauses: [prev exc_info, original group, raised list, rest].
void Compiler::try_except(TryStar* s) {
  int except = new_label(), end = new_label(), cleanup = new_label(), reraise_star = new_label();
  setup(Opcode::SETUP_FINALLY, except);
  push_fblock(FBlockKind::kTryExcept, -1, -1);
  stmts(s->body);
  pop_fblock(FBlockKind::kTryExcept);
  no_loc();
  pop_block();
  stmts(s->orelse);
  no_loc();
  emit_jump(Opcode::JUMP, end);
  bind_handler(except);
  setup(Opcode::SETUP_CLEANUP, cleanup);
  int cleanup_handler = static_cast<int>(u().handlers.size()) - 1;
  emit(Opcode::PUSH_EXC_INFO);
  push_fblock(FBlockKind::kExceptionGroupHandler, -1, -1);
  uint32_t n = s->handlers.size;
  for (uint32_t i = 0; i < n; i++) {
    auto* h = static_cast<ExceptHandler*>(s->handlers[i]);
    set_loc(h);
    int next = new_label(), no_match = new_label();
    if (i == 0) {
      emit(Opcode::COPY, 1);
      emit(Opcode::BUILD_LIST, 0);
      emit(Opcode::SWAP, 2);
    }
    if (h->type) {
      expr(h->type);
      emit(Opcode::CHECK_EG_MATCH);
      emit(Opcode::COPY, 1);
      emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
    }
    int cleanup_end = new_label();
    if (!is_none(h->name)) nameop(h->name, ExprContext::Store);
    else emit(Opcode::POP_TOP);
    setup(Opcode::SETUP_CLEANUP, cleanup_end);
    push_fblock(FBlockKind::kHandlerCleanup, -1, -1, nullptr, h->name);
    stmts(h->body);
    pop_fblock(FBlockKind::kHandlerCleanup);
    no_loc();
    pop_block();
    if (!is_none(h->name)) {
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
    }
    emit_jump(Opcode::JUMP, next);
    bind_handler(cleanup_end);
    no_loc();
    if (!is_none(h->name)) {
      load_none();
      nameop(h->name, ExprContext::Store);
      nameop(h->name, ExprContext::Del);
    }
    emit(Opcode::LIST_APPEND, 3);  // what the clause raised
    emit(Opcode::POP_TOP);         // lasti
    emit_jump(Opcode::JUMP, next);
    if (h->type) {
      bind(no_match);
      set_loc(h);
      emit(Opcode::POP_TOP);  // the None match
    }
    bind(next);
    no_loc();
    if (i + 1 == n) {
      emit(Opcode::LIST_APPEND, 1);  // the unmatched rest
      emit_jump(Opcode::JUMP, reraise_star);
    }
  }
  pop_fblock(FBlockKind::kExceptionGroupHandler);
  (void)cleanup_handler;
  int reraise = new_label();
  bind(reraise_star);
  emit(Opcode::PREP_RERAISE_STAR);
  emit(Opcode::COPY, 1);
  emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Opcode::POP_TOP);
  std::vector<int> open = u().open_handlers;
  pop_block();
  emit(Opcode::POP_EXCEPT);
  emit_jump(Opcode::JUMP, end);
  bind(reraise);
  u().open_handlers = open;
  pop_block();
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 0);
  bind_handler(cleanup);
  pop_except_and_reraise();
  bind(end);
}

void Compiler::raise(Raise* s) {
  int n = 0;
  if (s->exc) {
    expr(s->exc);
    n++;
    if (s->cause) {
      expr(s->cause);
      n++;
    }
  }
  set_loc(s);
  emit(Opcode::RAISE_VARARGS, n);
}

void Compiler::assert_stmt(Assert* s) {
  // A non-empty tuple is always true (warned even under -O, as CPython).
  {
    Constant c;
    auto* t = as<Tuple>(s->test);
    if ((t && t->elts.size > 0) ||
        (!t && fold(s->test, &c) && c.kind == Constant::Kind::kTuple && !c.items.empty()))
      warn(s, "assertion is always true, perhaps remove parentheses?");
  }
  if (options_.optimize) return;
  int end = new_label();
  jump_if(s->test, end, true);
  // The raise is located at the test, as CPython does (tracebacks put the
  // carets under it).
  set_loc(s->test);
  emit(Opcode::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    expr(s->msg);
    set_loc(s->test);
    emit(Opcode::CALL, 0);
  }
  emit(Opcode::RAISE_VARARGS, 1);
  bind(end);
}

// ---- imports -----------------------------------------------------------------------------------

void Compiler::import(Import* s) {
  for (Alias* a : s->names) {
    ast::ConstValue zero;
    zero.kind = ConstKind::Int;
    load_const_value(zero);
    load_none();
    emit(Opcode::IMPORT_NAME, add_name(a->name));
    if (!is_none(a->asname)) {
      size_t dot = a->name.find('.');
      if (dot != std::string_view::npos) {
        // import a.b.c as d: d is the submodule, reached by attributes.
        while (true) {
          size_t pos = dot + 1;
          dot = a->name.find('.', pos);
          std::string_view attr = a->name.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
          emit(Opcode::IMPORT_FROM, add_name(attr));
          if (dot == std::string_view::npos) break;
          emit(Opcode::SWAP, 2);
          emit(Opcode::POP_TOP);
        }
        nameop(a->asname, ExprContext::Store);
        emit(Opcode::POP_TOP);
      } else {
        nameop(a->asname, ExprContext::Store);
      }
    } else {
      nameop(a->name.substr(0, a->name.find('.')), ExprContext::Store);
    }
  }
}

void Compiler::import_from(ImportFrom* s) {
  if (s->module == "__future__") {
    // CPython checks module-level future statements in a separate pass that
    // reports the 0-based column (at least 1); the compiler's own check, for
    // nested ones, reports col + 1 like every other error.
    Location future_loc = Location::of(s);
    if (auto* m = as<Module>(u().scope->node); m && u().kind == UnitKind::kModule && future_loc.col > 0)
      for (StmtNode* top : m->body)
        if (top == s) future_loc.col--;
    // Only at the top of a module, after the docstring and other futures.
    static const char* const kFeatures[] = {"nested_scopes", "generators", "division", "absolute_import",
                                            "with_statement", "print_function", "unicode_literals",
                                            "barry_as_FLUFL", "generator_stop", "annotations"};
    for (Alias* a : s->names) {
      bool known = false;
      for (const char* f : kFeatures) known |= a->name == f;
      if (a->name == "braces") error_at(future_loc, "not a chance");
      if (!known) error_at(future_loc, "future feature " + std::string(a->name) + " is not defined");
    }
    bool ok = false;
    if (u().kind == UnitKind::kModule && units_.size() == 1) {
      // `s` must be preceded only by a docstring and other future imports.
      ok = true;
      if (auto* m = as<Module>(u().scope->node)) {
        for (uint32_t i = 0; i < m->body.size; i++) {
          StmtNode* x = m->body[i];
          if (x == s) break;
          if (i == 0 && is_docstring(x)) continue;
          auto* f = as<ImportFrom>(x);
          if (f && f->module == "__future__") continue;
          ok = false;
          break;
        }
      }
    }
    if (!ok) error_at(future_loc, "from __future__ imports must occur at the beginning of the file");
  }
  ast::ConstValue level;
  level.kind = ConstKind::Int;
  level.i = s->level;
  load_const_value(level);
  Constant names;
  names.kind = Constant::Kind::kTuple;
  for (Alias* a : s->names) {
    ast::ConstValue v;
    v.kind = ConstKind::Str;
    v.s = a->name;
    names.items.push_back(Constant::of(v));
  }
  load_const(names);
  emit(Opcode::IMPORT_NAME, add_name(is_none(s->module) ? std::string_view("") : s->module));
  if (s->names.size == 1 && s->names[0]->name == "*") {
    emit(Opcode::IMPORT_STAR);
    return;
  }
  for (Alias* a : s->names) {
    emit(Opcode::IMPORT_FROM, add_name(a->name));
    nameop(is_none(a->asname) ? a->name : a->asname, ExprContext::Store);
  }
  emit(Opcode::POP_TOP);
}

}  // namespace pyrite::python::compile
