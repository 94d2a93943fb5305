// The compiler's internal state, shared by compiler.cpp, compile_stmt.cpp,
// compile_expr.cpp, compile_pattern.cpp and assemble.cpp (docs/compiler.md).
//
// Code is emitted as a flat list of instructions with symbolic labels. Each
// instruction records the exception handler active where it was emitted:
// SETUP_* opens a handler, POP_BLOCK closes it, and because Python's
// handlers nest lexically, a stack of open handlers at emit time is all the
// assembler needs to build the exception table (CPython instead recovers
// the nesting by a flow analysis over basic blocks).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/arena.h"
#include "python/compile/code_unit.h"
#include "python/compile/compiler.h"
#include "python/compile/opcodes.h"
#include "python/compile/symtable.h"

namespace pyrite::python::compile {

struct Location {
  int line = -1;
  int end_line = -1;
  int col = -1;
  int end_col = -1;
  static Location of(const ast::Node* n) { return {n->lineno, n->end_lineno, n->col_offset, n->end_col_offset}; }
};

struct Instr {
  Opcode op;
  int arg;      // for jumps and SETUP_*: a label id until assembly
  int handler;  // index into CompileUnit::handlers of the innermost open handler, -1 = none
  Location loc;
};

// An open SETUP_* region; its depth is known after the stack-depth pass.
struct Handler {
  int label;
  int setup;   // instruction index of the SETUP pseudo-instruction
  bool lasti;
  std::vector<int> outer;  // the handlers open around the SETUP
};

// Control-flow blocks the compiler must unwind for return/break/continue.
enum class FBlockKind : uint8_t {
  kWhileLoop, kForLoop, kTryExcept, kFinallyTry, kFinallyEnd, kWith, kAsyncWith,
  kHandlerCleanup, kPopValue, kExceptionHandler, kExceptionGroupHandler,
  kAsyncComprehensionGenerator,
};

struct FBlock {
  FBlockKind kind;
  int block;  // loop: the continue target
  int exit;   // loop: the break target
  const ast::Node* datum = nullptr;  // finally: the Try; with: the With; handler: nullptr
  std::string_view name;             // handler cleanup: the bound name
};

enum class UnitKind : uint8_t { kModule, kClass, kFunction, kAsyncFunction, kLambda, kComprehension };

// One code object being compiled.
struct CompileUnit {
  UnitKind kind;
  Scope* scope;
  std::unique_ptr<CodeUnit> code;
  std::string private_name;  // class name for mangling ("" outside classes)

  std::vector<Instr> instrs;
  std::vector<int> label_pos;  // label id -> instruction index (-1 unbound)
  std::vector<Handler> handlers;
  std::vector<int> open_handlers;
  std::vector<FBlock> fblocks;

  std::unordered_map<std::string, int> names_map;
  std::unordered_map<std::string, int> const_index;  // constant_key() -> index
  std::unordered_map<std::string, int> varnames_map;
  std::unordered_map<std::string, int> cell_map;   // index into cellvars
  std::unordered_map<std::string, int> free_map;   // index into freevars

  Location loc;
  int last_bind = 0;  // instruction index of the latest bound label (peepholes must not cross it)
};

// Thrown on a compile error; caught by compile_module. Never leaves the compiler.
struct CompileError {};

class Compiler {
 public:
  Compiler(SymbolTable& st, base::Arena& arena, std::string_view filename, const CompileOptions& options,
           parse::SyntaxError* error)
      : st_(st), arena_(arena), filename_(filename), options_(options), error_(error) {}

  std::unique_ptr<CodeUnit> compile(ast::ModNode* mod);

  // ---- errors ----------------------------------------------------------------
  [[noreturn]] void error(const ast::Node* at, std::string msg);
  // A SyntaxWarning at `at` (options_.warnings).
  void warn(const ast::Node* at, std::string msg);
  // CPython's compile-time checks that warn: `is` with a literal, calling
  // or subscripting a display or literal ("perhaps you missed a comma?").
  void check_compare(ast::Compare* e);
  void check_caller(ast::ExprNode* func, const ast::Node* at);
  void check_subscript(ast::Subscript* s);
  const char* infer_type(ast::ExprNode* e);
  [[noreturn]] void error_at(Location loc, std::string msg);

  // ---- units (compiler.cpp) ------------------------------------------------------
  void enter_unit(UnitKind kind, std::string_view name, const ast::Node* node, int firstline);
  std::unique_ptr<CodeUnit> leave_unit();
  CompileUnit& u() { return *units_.back(); }
  std::string qualname_for(std::string_view name, UnitKind kind);

  // ---- emission ---------------------------------------------------------------
  int new_label() {
    u().label_pos.push_back(-1);
    return static_cast<int>(u().label_pos.size()) - 1;
  }
  void bind(int label) {
    u().label_pos[label] = static_cast<int>(u().instrs.size());
    u().last_bind = static_cast<int>(u().instrs.size());
  }
  void emit(Opcode op, int arg = 0);
  void emit_jump(Opcode op, int label) { emit(op, label); }
  void emit_noloc(Opcode op, int arg = 0);
  int add_const(Constant c);
  void load_const(const Constant& c) { emit(Opcode::LOAD_CONST, add_const(c)); }
  void load_none() { load_const(Constant::none()); }
  void load_const_value(const ast::ConstValue& v) { load_const(Constant::of(v)); }
  int add_name(std::string_view name);
  std::string_view mangle_name(std::string_view name);
  void setup(Opcode op, int label);  // SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH
  void pop_block();
  // Binds the target label of a handler: the code there runs under the
  // handlers that were open around its SETUP. Returns the previous stack.
  std::vector<int> bind_handler(int label);
  void set_loc(const ast::Node* n) { u().loc = Location::of(n); }
  void set_loc(Location l) { u().loc = l; }
  void no_loc() { u().loc = Location{}; }

  // ---- names (compiler.cpp) ------------------------------------------------------
  void nameop(std::string_view name, ast::ExprContext ctx);
  int local_slot(std::string_view name);  // varnames index
  int cell_slot(std::string_view name);   // localsplus index of a cell
  int free_slot(std::string_view name);   // localsplus index of a free variable
  int deref_slot(std::string_view name);  // cell or free
  void make_function(std::shared_ptr<CodeUnit> co, int flags);

  // ---- fblocks (compile_stmt.cpp) -------------------------------------------------
  void push_fblock(FBlockKind kind, int block, int exit, const ast::Node* datum = nullptr,
                   std::string_view name = {});
  void pop_fblock(FBlockKind kind);
  void unwind_fblock(const FBlock& fb, bool preserve_tos);
  // Unwinds to the innermost loop (loop != nullptr) or entirely; returns the loop.
  void unwind_fblock_stack(bool preserve_tos, const FBlock** loop);

  // ---- statements (compile_stmt.cpp) ---------------------------------------------
  void stmt(ast::StmtNode* s);
  void stmts(const ast::List<ast::StmtNode>& l) {
    for (ast::StmtNode* s : l) stmt(s);
  }
  void body_with_docstring(const ast::List<ast::StmtNode>& body, bool is_module);
  void function_def(ast::StmtNode* s);
  void class_def(ast::ClassDef* s);
  void assign(ast::Assign* s);
  void aug_assign(ast::AugAssign* s);
  void ann_assign(ast::AnnAssign* s);
  void for_stmt(ast::For* s);
  void async_for(ast::AsyncFor* s);
  void while_stmt(ast::While* s);
  void if_stmt(ast::If* s);
  void with_stmt(ast::With* s, uint32_t pos);
  void async_with(ast::AsyncWith* s, uint32_t pos);
  template <class TryNode>
  void try_stmt(TryNode* s);
  // try/finally around the except part (or the bare body) of either kind of try.
  template <class TryNode>
  void try_finally(TryNode* s);
  void try_except(ast::Try* s);
  void try_except(ast::TryStar* s);  // except*
  void raise(ast::Raise* s);
  void return_stmt(ast::Return* s);
  void break_stmt(ast::StmtNode* s);
  void continue_stmt(ast::StmtNode* s);
  void import(ast::Import* s);
  void import_from(ast::ImportFrom* s);
  void assert_stmt(ast::Assert* s);
  void delete_stmt(ast::Delete* s);
  void expr_stmt(ast::Expr* s);
  void match_stmt(ast::Match* s);
  void call_exit_with_nones();
  void pop_except_and_reraise();
  void with_except_finish(int cleanup);
  void check_annotation(ast::ExprNode* e);

  // ---- expressions (compile_expr.cpp) ---------------------------------------------
  void expr(ast::ExprNode* e);
  void exprs(const ast::List<ast::ExprNode>& l) {
    for (ast::ExprNode* e : l) expr(e);
  }
  void expr_inner(ast::ExprNode* e);
  // Jumps to `label` if the truth of e equals `cond`; consumes e.
  void jump_if(ast::ExprNode* e, int label, bool cond);
  void store_target(ast::ExprNode* target);
  void unpack_and_store(const ast::List<ast::ExprNode>& elts, ast::ExprNode* at);
  void unpack_helper(const ast::List<ast::ExprNode>& elts, ast::ExprNode* at);
  void starunpack(const ast::List<ast::ExprNode>& elts, Opcode build, Opcode add, Opcode extend, bool tuple);
  void call(ast::Call* e);
  bool maybe_method_call(ast::Call* e);
  void call_helper(int n_pushed, const ast::List<ast::ExprNode>& args, const ast::List<ast::Keyword>& keywords);
  void call_ex(int n_pushed, const ast::List<ast::ExprNode>& args, const ast::List<ast::Keyword>& keywords);
  void compare(ast::Compare* e);
  void boolop(ast::BoolOp* e);
  void dict(ast::Dict* e);
  void subkwargs(const ast::List<ast::Keyword>& kws, uint32_t begin, uint32_t end);
  void comprehension(ast::ExprNode* e, UnitKind kind, std::string_view name,
                     const ast::List<ast::Comprehension>& gens, ast::ExprNode* elt, ast::ExprNode* value);
  void comprehension_generator(const ast::List<ast::Comprehension>& gens, uint32_t i, int depth,
                               ast::ExprNode* elt, ast::ExprNode* value, ast::ExprNode* e);
  void async_comprehension_generator(const ast::List<ast::Comprehension>& gens, uint32_t i, int depth,
                                     ast::ExprNode* elt, ast::ExprNode* value, ast::ExprNode* e);
  void comprehension_element(ast::ExprNode* e, ast::ExprNode* elt, ast::ExprNode* value, int depth);
  void lambda(ast::Lambda* e);
  void defaults(ast::Arguments* args, int* flags);
  bool annotations(ast::Arguments* args, ast::ExprNode* returns);
  void annotation_value(ast::ExprNode* e);
  void yield_from_loop(int resume_kind);
  void fstring_value(ast::FormattedValue* e);
  void slice(ast::ExprNode* e);
  Location attr_loc(Location loc, const ast::Attribute* a);

  // ---- patterns (compile_pattern.cpp) ---------------------------------------------
  struct PatternContext;
  void pattern(ast::PatternNode* p, PatternContext& pc);

  // ---- constant folding (fold.cpp) -------------------------------------------------
  // Evaluates `e` if it is a constant expression CPython would fold.
  bool fold(ast::ExprNode* e, Constant* out);
  // `{1, 2}` as a frozenset constant, for `in` tests and for loops.
  bool fold_set_display(ast::ExprNode* e, Constant* out);
  // `'..%s..' % (a,)` as the equivalent f-string, or nullptr.
  ast::ExprNode* optimize_format(ast::BinOp* e);
  bool fold_binop(ast::Operator op, const Constant& a, const Constant& b, Constant* out);
  bool fold_unary(ast::UnaryOpKind op, const Constant& a, Constant* out);
  std::unordered_set<const ast::Node*> not_foldable_;

  // ---- assembly (assemble.cpp) ----------------------------------------------------
  void assemble(CompileUnit& unit);

  SymbolTable& st_;
  base::Arena& arena_;
  std::string filename_;
  CompileOptions options_;
  parse::SyntaxError* error_;
  std::vector<std::unique_ptr<CompileUnit>> units_;
  bool future_annotations_ = false;
};

// Unparses an annotation for `from __future__ import annotations`.
std::string unparse_annotation(const ast::ExprNode* e);

}  // namespace pyrite::python::compile
