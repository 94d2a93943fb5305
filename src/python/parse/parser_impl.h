// The parser's internals, shared by parser.cpp and the parse_*.cpp files
// that hold the grammar rules by concept (docs/frontend.md).
//
// Invariants every rule keeps: a rule that fails leaves pos_ where it found
// it; a rule that succeeds leaves pos_ after the last token it consumed.
// Errors found by the error-pass rules (invalid_*) are raised by throwing
// ParseAbort after error_ is filled; parse() catches it. No other exception
// travels through the parser.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "python/parse/ast.h"
#include "python/parse/parser.h"
#include "python/parse/syntax_error.h"
#include "python/parse/token.h"
#include "python/parse/tokenizer.h"

namespace pyrite::python::parse {

struct ParseAbort {};

// A vector with inline room for the common short lists, so building a
// node list rarely touches the heap.
template <class T, int N = 8>
class SmallVec {
 public:
  SmallVec() = default;
  SmallVec(const SmallVec&) = delete;
  SmallVec& operator=(const SmallVec&) = delete;
  ~SmallVec() {
    if (data_ != inline_) delete[] data_;
  }
  void push_back(const T& v) {
    if (size_ == cap_) grow();
    data_[size_++] = v;
  }
  void insert_front(const T& v) {
    push_back(v);
    for (int i = size_ - 1; i > 0; i--) data_[i] = data_[i - 1];
    data_[0] = v;
  }
  int size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](int i) { return data_[i]; }
  const T& operator[](int i) const { return data_[i]; }
  T& back() { return data_[size_ - 1]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  void clear() { size_ = 0; }
  void pop_back() { size_--; }

 private:
  void grow() {
    int cap = cap_ * 2;
    T* d = new T[cap];
    for (int i = 0; i < size_; i++) d[i] = data_[i];
    if (data_ != inline_) delete[] data_;
    data_ = d;
    cap_ = cap;
  }
  T inline_[N];
  T* data_ = inline_;
  int size_ = 0;
  int cap_ = N;
};

// The tokens read so far. Chunked so that a Token& stays valid while more
// tokens are read: rules hold on to the tokens they matched.
class TokenBuffer {
  static_assert(std::is_trivially_copyable_v<Token> && std::is_trivially_destructible_v<Token>);

 public:
  TokenBuffer() = default;
  TokenBuffer(const TokenBuffer&) = delete;
  TokenBuffer& operator=(const TokenBuffer&) = delete;
  ~TokenBuffer() {
    for (Token* c : chunks_) ::operator delete(c);
  }
  Token& operator[](int i) { return chunks_[i >> kShift][i & kMask]; }
  const Token& operator[](int i) const { return chunks_[i >> kShift][i & kMask]; }
  void push_back(const Token& t) {
    // Chunks are raw storage: Token is trivially copyable, and constructing
    // a thousand defaults per chunk showed in profiles of small files.
    if ((size_ >> kShift) == static_cast<int>(chunks_.size()))
      chunks_.push_back(static_cast<Token*>(::operator new(sizeof(Token) * (kMask + 1))));
    new (&(*this)[size_++]) Token(t);
  }
  int size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Token& back() { return (*this)[size_ - 1]; }

 private:
  static constexpr int kShift = 10;
  static constexpr int kMask = (1 << kShift) - 1;
  std::vector<Token*> chunks_;
  int size_ = 0;
};

// Rules whose results are memoized per token position: the ones the
// grammar re-enters at the same position from several alternatives
// (targets vs. expressions), and the left-recursive chains.
enum class Memo : uint8_t {
  kExpression,
  kStarExpression,
  kDisjunction,
  kConjunction,
  kInversion,
  kBitwiseOr,
  kBitwiseXor,
  kBitwiseAnd,
  kShiftExpr,
  kSum,
  kTerm,
  kFactor,
  kAwaitPrimary,
  kPrimary,
  kTPrimary,
  kStarTarget,
  kTargetWithStarAtom,
  kDelTarget,
  kArguments,
  kBlock,
  kStrings,
  kSimpleStmt,
  kClosedPattern,
  kStarPattern,
  kNameOrAttr,
  kDottedName,
  kSlices,
};

// One parameter with its default (nullptr: none), as the parameter rules
// hand them up before make_arguments sorts them into ast::Arguments.
struct NameDefault {
  ast::Arg* arg;
  ast::ExprNode* value;
};

struct StarEtc {
  ast::Arg* vararg = nullptr;
  SmallVec<NameDefault> kwonly;
  ast::Arg* kwarg = nullptr;
};

// The result of the call-arguments rule before it becomes an ast::Call.
struct CallArgs {
  ast::List<ast::ExprNode> args;
  ast::List<ast::Keyword> keywords;
  int lineno, col, end_lineno, end_col;
};

class Parser;

// Counts the nesting of the recursive rules. Source nested deeper than
// kMaxDepth fails as CPython's parser does when its stack limit (6000 rule
// levels) is hit: MemoryError, instead of overflowing the C++ stack. Trees
// that deep are refused later anyway, by the compiler and by ast.dump
// (RecursionError past ~3000 levels), as in CPython.
struct DepthGuard {
  static constexpr int kMaxDepth = 6000;
  explicit DepthGuard(Parser* p);
  ~DepthGuard();
  Parser* p;
};

class Parser {
 public:
  Parser(std::string_view utf8, std::string_view filename, const ParseOptions& options, base::Arena& arena,
         SyntaxError* error, bool known_encoding, bool fstring_source = false);

  ast::ModNode* run();

  // ---- f-string sub-parsers (parse_fstring.cpp) --------------------------
  // A parser over an expression cut out of an f-string; its tokens are
  // shifted to where the expression sits in the enclosing file.
  void set_start_position(int lineno, int col) {
    start_lineno_ = lineno;
    start_col_ = col;
  }
  ast::ExprNode* run_fstring_expr();
  bool error_pass_ = false;   // the invalid_* rules are on
  bool second_pass_ = false;  // the error pass runs (error_pass_ may be off inside it)

 private:
  friend class FStringBuilder;
  friend struct DepthGuard;

  // ---- tokens (parser.cpp) --------------------------------------------------
  const Token& tok(int i) {
    while (i >= static_cast<int>(tokens_.size())) fill_token();
    return tokens_[i];
  }
  const Token& cur() { return tok(pos_); }
  Tok kind() { return cur().kind; }
  bool at(Tok k) { return cur().kind == k; }
  const Token* expect(Tok k) {
    const Token& t = cur();
    if (t.kind != k) return nullptr;
    pos_++;
    return &t;
  }
  // Soft keyword: a NAME spelled `word`.
  bool at_soft(std::string_view word) {
    const Token& t = cur();
    return t.kind == Tok::NAME && t.text == word;
  }
  const Token* expect_soft(std::string_view word) {
    if (!at_soft(word)) return nullptr;
    return &tokens_[pos_++];
  }
  // &&tok: the token must follow, else "expected 'x'".
  const Token* expect_forced(Tok k);
  void fill_token();
  void push_token(const Token& t);
  const Token& last_token() { return tokens_[pos_ - 1]; }
  // CPython ends a node at the last token that is not NEWLINE, INDENT,
  // DEDENT or ENDMARKER, so compound statements end at their last statement.
  const Token& last_nonws_token();

  template <class T>
  T* node(int start) {
    const Token& s = tokens_[start];
    const Token& e = last_nonws_token();
    return ast::make<T>(arena_, s.lineno, s.col_offset, e.end_lineno, e.end_col_offset);
  }
  template <class T>
  T* node_at(const ast::Node* s, const ast::Node* e) {
    return ast::make<T>(arena_, s->lineno, s->col_offset, e->end_lineno, e->end_col_offset);
  }
  template <class T>
  T* node_tok(const Token& t) {
    return ast::make<T>(arena_, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  template <class T, int N>
  ast::List<T> to_list(SmallVec<T*, N>& v) {
    ast::List<T> l;
    l.size = v.size();
    if (l.size) {
      l.items = static_cast<T**>(arena_.allocate(sizeof(T*) * l.size, alignof(T*)));
      std::memcpy(l.items, v.begin(), sizeof(T*) * l.size);
    }
    return l;
  }
  template <class T>
  ast::List<T> list1(T* x) {
    ast::List<T> l;
    l.size = 1;
    l.items = static_cast<T**>(arena_.allocate(sizeof(T*), alignof(T*)));
    l.items[0] = x;
    return l;
  }

  // ---- memo (parser.cpp) ----------------------------------------------------
  struct MemoEntry {
    MemoEntry* next;
    void* result;
    int32_t end;
    Memo rule;
  };
  MemoEntry* find_memo(int pos, Memo rule) {
    if (pos >= static_cast<int>(memo_.size())) return nullptr;
    for (MemoEntry* e = memo_[pos]; e; e = e->next)
      if (e->rule == rule) return e;
    return nullptr;
  }
  void store_memo(int pos, Memo rule, void* result, int end);
  // Runs `body` at the current position once per pass; later calls at the
  // same position replay the stored result and end position.
  template <class T, class F>
  T* memoized(Memo rule, F&& body) {
    int start = pos_;
    if (MemoEntry* e = find_memo(start, rule)) {
      pos_ = e->end;
      return static_cast<T*>(e->result);
    }
    T* r = body();
    if (!r) pos_ = start;
    store_memo(start, rule, r, pos_);
    return r;
  }
  // Memoized only in the second pass, whose invalid_* rules re-enter these
  // at the same positions; in the first pass the expression memo suffices
  // and storing entries would cost more than it saves. The second pass must
  // memoize exactly the rules CPython memoizes: a result stored while the
  // invalid rules are switched off (expression_without_invalid) is reused
  // where they are on, which decides which errors CPython finds.
  template <class T, class F>
  T* memoized_in_error_pass(Memo rule, F&& body) {
    if (!second_pass_) return body();
    return memoized<T>(rule, static_cast<F&&>(body));
  }
  // The reverse: a memo CPython does not have, kept to the first pass.
  template <class T, class F>
  T* memoized_in_first_pass(Memo rule, F&& body) {
    if (second_pass_) return body();
    return memoized<T>(rule, static_cast<F&&>(body));
  }

  // ---- identifiers and small helpers ------------------------------------------
  ast::Ident ident(const Token& t);
  ast::Name* name_node(const Token& t, ast::ExprContext ctx);
  const Token* expect_name() { return expect(Tok::NAME); }
  ast::ExprNode* set_ctx(ast::ExprNode* e, ast::ExprContext ctx);
  ast::Arguments* empty_arguments();

  // ---- errors (parser.cpp) --------------------------------------------------
  [[noreturn]] void raise(const char* type, int lineno, int col, int end_lineno, int end_col, const std::string& msg);
  [[noreturn]] void raise_at(const ast::Node* a, const std::string& msg) {
    raise("SyntaxError", a->lineno, a->col_offset, a->end_lineno, a->end_col_offset, msg);
  }
  [[noreturn]] void raise_range(const ast::Node* a, const ast::Node* b, const std::string& msg) {
    raise("SyntaxError", a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, msg);
  }
  [[noreturn]] void raise_tok(const Token& a, const std::string& msg);
  // Records a warning located at token `a` (options_.warnings; once per
  // place and message, though a rule may be parsed again).
  void warn_tok(const Token& a, CompileWarning::Category category, const std::string& msg);
  bool no_extent(const Token& t);
  bool single_statement_only();
  // With the final 1-based offsets (0: unknown, -1: none).
  [[noreturn]] void raise_offsets(const char* type, int lineno, int offset, int end_lineno, int end_offset,
                                  const std::string& msg);
  [[noreturn]] void raise_tok_range(const Token& a, const Token& b, const std::string& msg) {
    raise("SyntaxError", a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, msg);
  }
  [[noreturn]] void raise_tok_node(const Token& a, const ast::Node* b, const std::string& msg) {
    raise("SyntaxError", a.lineno, a.col_offset, b->end_lineno, b->end_col_offset, msg);
  }
  [[noreturn]] void raise_node_tok(const ast::Node* a, const Token& b, const std::string& msg) {
    raise("SyntaxError", a->lineno, a->col_offset, b.end_lineno, b.end_col_offset, msg);
  }
  // From `a` to the current position of the tokenizer's last token.
  [[noreturn]] void raise_starting_from(const ast::Node* a, const std::string& msg);
  [[noreturn]] void raise_starting_from_tok(const Token& a, const std::string& msg);
  // RAISE_SYNTAX_ERROR: at the last token read.
  [[noreturn]] void raise_last(const std::string& msg, const char* type = "SyntaxError");
  [[noreturn]] void raise_indentation(const std::string& msg) { raise_last(msg, "IndentationError"); }
  // CHECK_VERSION: `what` (a construct newer than ast.parse(feature_version=)
  // allows) is an error at the last token read.
  // The value of a NUMBER token, within the int conversion limit.
  ast::ConstValue number(const Token& t);
  void check_version(int minor, const char* what) {
    if (options_.feature_version < minor)
      raise_last(std::string(what) + " only supported in Python 3." + std::to_string(minor) + " and greater");
  }
  [[noreturn]] void raise_tokenizer_error();
  void report_generic_error(int first_pass_fill);
  void check_rest_for_tokenizer_errors(int err_lineno);
  enum class Targets { kStar, kDel, kFor };
  // RAISE_SYNTAX_ERROR_INVALID_TARGET: raises if `e` holds something that
  // cannot be assigned (or deleted); returns if it is all valid targets.
  void raise_invalid_target(Targets kind, ast::ExprNode* e);
  const char* expr_name(ast::ExprNode* e);

  // ---- statements (parse_stmt.cpp) ------------------------------------------
  ast::ModNode* file_rule();
  ast::ModNode* interactive_rule();
  ast::ModNode* eval_rule();
  ast::ModNode* func_type_rule();
  bool statements(SmallVec<ast::StmtNode*, 16>& out);
  bool statement(SmallVec<ast::StmtNode*, 16>& out);
  bool simple_stmts(SmallVec<ast::StmtNode*, 16>& out);
  ast::StmtNode* simple_stmt();
  ast::StmtNode* simple_stmt_body();
  ast::StmtNode* compound_stmt();
  ast::StmtNode* assignment();
  ast::ExprNode* annotated_rhs();
  bool augassign(ast::Operator* op);
  ast::StmtNode* return_stmt();
  ast::StmtNode* raise_stmt();
  ast::StmtNode* global_stmt(bool nonlocal);
  ast::StmtNode* del_stmt();
  ast::StmtNode* assert_stmt();
  ast::StmtNode* import_stmt();
  ast::StmtNode* import_name();
  ast::StmtNode* import_from();
  bool import_from_targets(ast::List<ast::Alias>* out);
  bool import_from_as_names(SmallVec<ast::Alias*>& out);
  ast::Alias* import_from_as_name();
  ast::Alias* dotted_as_name();
  // The dotted name as one identifier ("a.b.c") with its span.
  ast::Name* dotted_name();
  ast::List<ast::StmtNode>* block();
  ast::List<ast::StmtNode>* block_body();
  bool decorators(ast::List<ast::ExprNode>* out);
  ast::StmtNode* class_def();
  ast::StmtNode* class_def_raw();
  ast::StmtNode* function_def();
  ast::StmtNode* function_def_raw();
  ast::Arguments* params();
  ast::Arguments* parameters(bool lambda);
  bool slash_no_default(SmallVec<ast::Arg*>& out, bool lambda);
  bool slash_with_default(SmallVec<ast::Arg*>& plain, SmallVec<NameDefault>& with, bool lambda);
  bool star_etc(StarEtc* out, bool lambda);
  ast::Arg* kwds(bool lambda);
  ast::Arg* param_no_default(bool lambda);
  ast::Arg* param_no_default_star_annotation();
  bool param_with_default(NameDefault* out, bool lambda);
  bool param_maybe_default(NameDefault* out, bool lambda);
  ast::Arg* param(bool lambda);
  ast::ExprNode* default_value();
  std::string_view type_comment_opt();
  ast::Arguments* make_arguments(SmallVec<ast::Arg*>* slash_plain, SmallVec<ast::Arg*>* slash_with_plain,
                                 SmallVec<NameDefault>* slash_with, SmallVec<ast::Arg*>* plain,
                                 SmallVec<NameDefault>* with, StarEtc* star);
  ast::StmtNode* if_stmt(bool elif);
  ast::List<ast::StmtNode>* else_block();
  ast::StmtNode* while_stmt();
  ast::StmtNode* for_stmt();
  ast::StmtNode* with_stmt();
  ast::WithItem* with_item();
  ast::StmtNode* try_stmt();
  ast::ExceptHandlerNode* except_block(bool star);
  ast::List<ast::StmtNode>* finally_block();
  std::string_view func_type_comment();

  // ---- match (parse_pattern.cpp) --------------------------------------------
  ast::StmtNode* match_stmt();
  ast::ExprNode* subject_expr();
  ast::MatchCase* case_block();
  ast::PatternNode* patterns();
  ast::PatternNode* pattern();
  ast::PatternNode* as_pattern();
  ast::PatternNode* or_pattern();
  ast::PatternNode* closed_pattern();
  ast::PatternNode* closed_pattern_body();
  ast::PatternNode* literal_pattern();
  ast::ExprNode* literal_expr();
  ast::ExprNode* complex_number();
  ast::ExprNode* signed_number();
  ast::ExprNode* signed_real_number();
  ast::ExprNode* real_number();
  ast::ExprNode* imaginary_number();
  ast::PatternNode* capture_pattern();
  const Token* pattern_capture_target();
  ast::PatternNode* wildcard_pattern();
  ast::PatternNode* value_pattern();
  ast::ExprNode* attr();
  ast::ExprNode* name_or_attr();
  ast::PatternNode* group_pattern();
  ast::PatternNode* sequence_pattern();
  bool open_sequence_pattern(SmallVec<ast::PatternNode*>& out);
  bool maybe_sequence_pattern(SmallVec<ast::PatternNode*>& out);
  ast::PatternNode* maybe_star_pattern();
  ast::PatternNode* star_pattern();
  ast::PatternNode* mapping_pattern();
  bool items_pattern(SmallVec<ast::ExprNode*>& keys, SmallVec<ast::PatternNode*>& pats);
  ast::PatternNode* class_pattern();
  bool keyword_patterns(SmallVec<const Token*>& names, SmallVec<ast::PatternNode*>& pats);

  // ---- expressions (parse_expr.cpp) ---------------------------------------------
  ast::ExprNode* expressions();
  ast::ExprNode* expression();
  ast::ExprNode* expression_body();
  ast::ExprNode* yield_expr();
  ast::ExprNode* star_expressions();
  ast::ExprNode* star_expression();
  bool star_named_expressions(SmallVec<ast::ExprNode*>& out);
  ast::ExprNode* star_named_expression();
  ast::ExprNode* assignment_expression();
  ast::ExprNode* named_expression();
  ast::ExprNode* disjunction();
  ast::ExprNode* conjunction();
  ast::ExprNode* inversion();
  ast::ExprNode* comparison();
  ast::ExprNode* bitwise_or();
  ast::ExprNode* bitwise_xor();
  ast::ExprNode* bitwise_and();
  ast::ExprNode* shift_expr();
  ast::ExprNode* sum();
  ast::ExprNode* term();
  ast::ExprNode* factor();
  ast::ExprNode* power();
  ast::ExprNode* await_primary();
  ast::ExprNode* primary();
  ast::ExprNode* slices();
  ast::ExprNode* slice();
  ast::ExprNode* atom();
  ast::ExprNode* group();
  ast::ExprNode* lambdef();
  ast::Arguments* lambda_params();
  ast::ExprNode* list();
  ast::ExprNode* tuple();
  ast::ExprNode* set();
  ast::ExprNode* dict();
  ast::ExprNode* listcomp();
  ast::ExprNode* setcomp();
  ast::ExprNode* genexp();
  ast::ExprNode* dictcomp();
  bool double_starred_kvpairs(SmallVec<ast::ExprNode*>& keys, SmallVec<ast::ExprNode*>& values);
  bool double_starred_kvpair(ast::ExprNode** key, ast::ExprNode** value);
  bool kvpair(ast::ExprNode** key, ast::ExprNode** value);
  bool for_if_clauses(ast::List<ast::Comprehension>* out);
  ast::Comprehension* for_if_clause();
  CallArgs* arguments();
  CallArgs* args();
  bool kwargs(SmallVec<ast::ExprNode*>& starred, SmallVec<ast::Keyword*>& kws);
  ast::ExprNode* starred_expression();
  bool kwarg_or_starred(ast::ExprNode** starred, ast::Keyword** kw);
  bool kwarg_or_double_starred(ast::Keyword** kw);
  ast::ExprNode* star_targets();
  bool star_targets_list_seq(SmallVec<ast::ExprNode*>& out);
  bool star_targets_tuple_seq(SmallVec<ast::ExprNode*>& out);
  ast::ExprNode* star_target();
  ast::ExprNode* target_with_star_atom();
  ast::ExprNode* star_atom();
  ast::ExprNode* single_target();
  ast::ExprNode* single_subscript_attribute_target();
  ast::ExprNode* t_primary();
  bool t_lookahead() {
    Tok k = kind();
    return k == Tok::LPAR || k == Tok::LSQB || k == Tok::DOT;
  }
  bool del_targets(SmallVec<ast::ExprNode*>& out);
  ast::ExprNode* del_target();
  ast::ExprNode* del_t_atom();
  // t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
  ast::ExprNode* attribute_or_subscript_target(ast::ExprContext ctx);
  bool type_expressions(SmallVec<ast::ExprNode*>& out);

  // ---- strings (parse_strings.cpp, parse_fstring.cpp) ----------------------------
  ast::ExprNode* strings();
  ast::ExprNode* concatenate_strings(int first, int last);

  // ---- error-pass rules (parse_invalid.cpp) ---------------------------------------
  void invalid_arguments();
  void invalid_kwarg();
  void invalid_expression();
  void invalid_named_expression();
  void invalid_assignment();
  void invalid_del_stmt();
  void invalid_block();
  void invalid_comprehension();
  void invalid_dict_comprehension();
  void invalid_parameters(bool lambda);
  void invalid_default();
  void invalid_star_etc(bool lambda);
  void invalid_kwds(bool lambda);
  void invalid_double_type_comments();
  void invalid_with_item();
  void invalid_for_target();
  void invalid_group();
  void invalid_import_from_targets();
  void invalid_with_stmt();
  void invalid_with_stmt_indent();
  void invalid_try_stmt();
  void invalid_except_stmt();
  void invalid_finally_stmt();
  void invalid_except_stmt_indent(bool star);
  void invalid_match_stmt();
  void invalid_case_block();
  void invalid_as_pattern();
  void invalid_class_pattern();
  void invalid_if_stmt(bool elif);
  void invalid_else_stmt();
  void invalid_while_stmt();
  void invalid_for_stmt();
  void invalid_def_raw();
  void invalid_class_def_raw();
  void invalid_double_starred_kvpairs();
  void invalid_kvpair();
  void invalid_legacy_expression();
  ast::ExprNode* expression_without_invalid();
  bool invalid_ann_assign_target(ast::ExprNode** out);
  bool invalid_parameters_helper_match(bool lambda);
  bool invalid_class_argument_pattern(ast::PatternNode** first, ast::PatternNode** last);

  // ---- state ----------------------------------------------------------------------
  std::string_view src_;
  std::string_view filename_;
  const ParseOptions& options_;
  base::Arena& arena_;
  SyntaxError* error_;
  std::unique_ptr<Tokenizer> tokenizer_;
  TokenBuffer tokens_;
  // Bracket depth after each token, as CPython's token `level`.
  std::vector<int> levels_;
  int depth_ = 0;
  // Positions where invalid_named_expression already failed (its memo).
  std::vector<bool> invalid_named_failed_;
  std::vector<MemoEntry*> memo_;
  std::unique_ptr<base::Arena> memo_arena_;
  int pos_ = 0;
  bool known_encoding_ = true;
  int implicit_newline_index_ = -1;  // the NEWLINE 'single' mode made of ENDMARKER
  bool parsing_started_ = false;
  int open_indents_ = 0;             // INDENTs not yet closed by a DEDENT
  bool pending_endmarker_ = false;   // 'single' mode: ENDMARKER comes again
  Token eof_token_;
  int start_lineno_ = 0;  // f-string sub-parsers: where line 1 col 0 sits
  int start_col_ = 0;
  bool fstring_mode_ = false;
  bool tokenizer_error_ = false;
  bool no_rest_check_ = false;  // "unexpected indent" skips the rest-of-file check
  int first_pass_fill_ = 0;
  int level_ = 0;  // recursion depth of the nesting rules, see DepthGuard
};

}  // namespace pyrite::python::parse
