// The parser's driver: the token buffer, memoization, the two passes and
// syntax-error reporting as CPython 3.11 does it (docs/frontend.md).
//
// The first pass runs the grammar without the invalid_* rules. Only if it
// fails does a second pass run with them enabled; they raise the specific
// messages. If the second pass finds nothing specific, the generic error is
// reported at the furthest token the first pass read, unless the tokenizer
// finds an error in the rest of the file.
#include "python/parse/parser.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/stack.h"
#include "python/parse/literals.h"
#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

Parser::Parser(std::string_view utf8, std::string_view filename, const ParseOptions& options, base::Arena& arena,
               SyntaxError* error, bool known_encoding, bool fstring_source)
    : src_(utf8),
      filename_(filename),
      options_(options),
      arena_(arena),
      error_(error),
      known_encoding_(known_encoding) {
  TokenizerOptions topts;
  topts.type_comments = options.type_comments;
  topts.known_encoding = known_encoding;
  // Only 'exec' input gets a final newline assumed (f-string fields too).
  topts.exec_input = options.mode == Mode::kFile || fstring_source;
  topts.script_file = options.script_file && !fstring_source;
  tokenizer_ = std::make_unique<Tokenizer>(src_, topts);
  memo_arena_ = std::make_unique<base::Arena>();
}

void Parser::fill_token() {
  if (tokenizer_error_) raise_tokenizer_error();
  Token t;
  if (pending_endmarker_) {
    // The ENDMARKER 'single' mode turned into a NEWLINE comes again.
    t = eof_token_;
    pending_endmarker_ = false;
  } else {
    t = tokenizer_->next();
  }
  if (t.kind == Tok::ENDMARKER) eof_token_ = t;
  if (t.kind == Tok::ERRORTOKEN || tokenizer_->failed()) {
    tokenizer_error_ = true;
    raise_tokenizer_error();
  }
  if (fstring_mode_) {
    // Shift the sub-parser's tokens to where the expression sits in the
    // file. Like CPython, only tokens that end on the first line get the
    // column shift.
    bool first_line = t.end_lineno == 1;
    if (first_line) {
      t.col_offset += start_col_;
      t.end_col_offset += start_col_;
    }
    t.lineno += start_lineno_ - 1;
    t.end_lineno += start_lineno_ - 1;
  }
  switch (t.kind) {
    case Tok::LPAR:
    case Tok::LSQB:
    case Tok::LBRACE:
      depth_++;
      break;
    case Tok::RPAR:
    case Tok::RSQB:
    case Tok::RBRACE:
      if (depth_ > 0) depth_--;
      break;
    default:
      break;
  }
  // In 'single' mode CPython's parser turns the first ENDMARKER after any
  // other token into a NEWLINE (with no position) followed by the DEDENTs
  // still open, so a compound statement can end the input.
  if (options_.mode == Mode::kSingle && !fstring_mode_) {
    if (t.kind == Tok::ENDMARKER && parsing_started_) {
      Token nl = t;
      nl.kind = Tok::NEWLINE;
      parsing_started_ = false;
      implicit_newline_index_ = tokens_.size();
      push_token(nl);
      while (open_indents_ > 0) {
        Token d = t;
        d.kind = Tok::DEDENT;
        parsing_started_ = true;
        push_token(d);
      }
      pending_endmarker_ = true;
      return;
    }
    parsing_started_ = true;
  }
  push_token(t);
}

void Parser::push_token(const Token& t) {
  if (t.kind == Tok::INDENT) open_indents_++;
  if (t.kind == Tok::DEDENT && open_indents_ > 0) open_indents_--;
  tokens_.push_back(t);
  levels_.push_back(depth_);
}

const Token* Parser::expect_forced(Tok k) {
  if (const Token* t = expect(k)) return t;
  std::string msg = "expected '";
  msg += token_text(k);
  msg += "'";
  raise_tok(cur(), msg);
}

const Token& Parser::last_nonws_token() {
  for (int m = pos_ - 1; m >= 0; m--) {
    const Token& t = tokens_[m];
    if (t.kind != Tok::ENDMARKER && t.kind != Tok::NEWLINE && t.kind != Tok::INDENT && t.kind != Tok::DEDENT)
      return t;
  }
  return tokens_[0];
}

void Parser::store_memo(int pos, Memo rule, void* result, int end) {
  if (pos >= static_cast<int>(memo_.size())) memo_.resize(tokens_.size() + 64, nullptr);
  MemoEntry* e = memo_arena_->make<MemoEntry>();
  e->next = memo_[pos];
  e->result = result;
  e->end = end;
  e->rule = rule;
  memo_[pos] = e;
}

DepthGuard::DepthGuard(Parser* parser) : p(parser) {
  if (++p->level_ > kMaxDepth || base::stack_exhausted()) p->raise_offsets("MemoryError", 0, 0, 0, 0, "");
}

DepthGuard::~DepthGuard() { p->level_--; }

// ---- identifiers -------------------------------------------------------------

ast::Ident Parser::ident(const Token& t) {
  std::string_view s = t.text;
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  // The source buffer lives in the arena, so ASCII names are views into it.
  if (ascii) return s;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return s;
  std::string utf8;
  out.toUTF8String(utf8);
  return arena_.copy(utf8);
}

ast::Name* Parser::name_node(const Token& t, ast::ExprContext ctx) {
  auto* n = node_tok<ast::Name>(t);
  n->id = ident(t);
  n->ctx = ctx;
  return n;
}

ast::Arguments* Parser::empty_arguments() { return arena_.make<ast::Arguments>(); }

// A copy of `e` with context `ctx`, recursing into tuples, lists and
// starred; nodes may be shared through the memo, so they are not mutated.
ast::ExprNode* Parser::set_ctx(ast::ExprNode* e, ast::ExprContext ctx) {
  switch (e->kind) {
    case ast::Kind::Name: {
      auto* n = arena_.make<ast::Name>(*static_cast<ast::Name*>(e));
      n->ctx = ctx;
      return n;
    }
    case ast::Kind::Attribute: {
      auto* n = arena_.make<ast::Attribute>(*static_cast<ast::Attribute*>(e));
      n->ctx = ctx;
      return n;
    }
    case ast::Kind::Subscript: {
      auto* n = arena_.make<ast::Subscript>(*static_cast<ast::Subscript*>(e));
      n->ctx = ctx;
      return n;
    }
    case ast::Kind::Starred: {
      auto* n = arena_.make<ast::Starred>(*static_cast<ast::Starred*>(e));
      n->ctx = ctx;
      n->value = set_ctx(n->value, ctx);
      return n;
    }
    case ast::Kind::Tuple: {
      auto* n = arena_.make<ast::Tuple>(*static_cast<ast::Tuple*>(e));
      n->ctx = ctx;
      ast::List<ast::ExprNode> elts = n->elts;
      n->elts.items = static_cast<ast::ExprNode**>(arena_.allocate(sizeof(void*) * (elts.size + 1), alignof(void*)));
      for (uint32_t i = 0; i < elts.size; i++) n->elts.items[i] = set_ctx(elts.items[i], ctx);
      return n;
    }
    case ast::Kind::ListExpr: {
      auto* n = arena_.make<ast::ListExpr>(*static_cast<ast::ListExpr*>(e));
      n->ctx = ctx;
      ast::List<ast::ExprNode> elts = n->elts;
      n->elts.items = static_cast<ast::ExprNode**>(arena_.allocate(sizeof(void*) * (elts.size + 1), alignof(void*)));
      for (uint32_t i = 0; i < elts.size; i++) n->elts.items[i] = set_ctx(elts.items[i], ctx);
      return n;
    }
    default:
      return e;
  }
}

// ---- errors ------------------------------------------------------------------

void Parser::raise(const char* type, int lineno, int col, int end_lineno, int end_col, const std::string& msg) {
  std::string_view line, end_line;
  if (fstring_mode_) {
    // CPython reports errors in an f-string field against the "(expr)"
    // text it parsed, with the column shift taken back out.
    line = tokenizer_->line(lineno - start_lineno_ + 1);
    end_line = tokenizer_->line(end_lineno - start_lineno_ + 1);
    if (lineno == start_lineno_) col -= start_col_;
    if (end_lineno == start_lineno_) end_col -= start_col_;
  } else {
    line = tokenizer_->line(lineno);
    end_line = end_lineno == lineno ? line : tokenizer_->line(end_lineno);
  }
  // Like CPython, columns become code points only when the source encoding
  // is known (str input, BOM or coding declaration); else they stay bytes.
  auto offset = [&](std::string_view l, int c) { return c < 0 ? 0 : known_encoding_ ? char_offset(l, c) : c + 1; };
  raise_offsets(type, lineno, offset(line, col), end_lineno, offset(end_line, end_col), msg);
}

void Parser::raise_offsets(const char* type, int lineno, int offset, int end_lineno, int end_offset,
                           const std::string& msg) {
  error_->type = type;
  error_->msg = fstring_mode_ ? "f-string: " + msg : msg;
  error_->filename = std::string(filename_);
  error_->lineno = lineno;
  error_->text = std::string(tokenizer_->line(fstring_mode_ ? lineno - start_lineno_ + 1 : lineno));
  error_->offset = offset;
  error_->end_lineno = end_lineno;
  error_->end_offset = end_offset;
  throw ParseAbort{};
}

// INDENT, DEDENT and ENDMARKER have no extent in CPython (column -1), and
// neither has the NEWLINE 'single' mode makes of the first ENDMARKER;
// errors located at them are reported differently.
bool Parser::no_extent(const Token& t) {
  return t.kind == Tok::INDENT || t.kind == Tok::DEDENT || t.kind == Tok::ENDMARKER ||
         (implicit_newline_index_ >= 0 && &t == &tokens_[implicit_newline_index_]);
}

void Parser::raise_tok(const Token& a, const std::string& msg) {
  if (no_extent(a)) raise_offsets("SyntaxError", a.lineno, 0, a.end_lineno, 0, msg);
  raise("SyntaxError", a.lineno, a.col_offset, a.end_lineno, a.end_col_offset, msg);
}

void Parser::warn_tok(const Token& a, CompileWarning::Category category, const std::string& msg) {
  if (!options_.warnings) return;
  // The location as raise_tok would report it, without raising.
  SyntaxError saved = *error_;
  try {
    raise_tok(a, msg);
  } catch (const ParseAbort&) {
  }
  CompileWarning w{category, *error_};
  *error_ = saved;
  for (const CompileWarning& o : *options_.warnings)
    if (o.where.lineno == w.where.lineno && o.where.offset == w.where.offset && o.where.msg == w.where.msg) return;
  options_.warnings->push_back(std::move(w));
}

void Parser::raise_last(const std::string& msg, const char* type) {
  if (tokens_.empty()) raise(type, 0, -1, 0, -1, msg);
  const Token& t = tokens_.back();
  if (no_extent(t)) {
    // CPython then reports the tokenizer's column, not plus one, and no end.
    std::string_view line = tokenizer_->line(t.lineno);
    int off = known_encoding_ ? char_offset(line, t.col_offset) - 1 : t.col_offset;
    raise_offsets(type, t.lineno, off, t.end_lineno, -1, msg);
  }
  raise(type, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset, msg);
}

// CPython ends these at the tokenizer's position (the end of the last token
// read) and, unlike the other locations, does not add one to it.
void Parser::raise_starting_from(const ast::Node* a, const std::string& msg) {
  const Token& t = tokens_.back();
  raise("SyntaxError", a->lineno, a->col_offset, t.end_lineno, t.end_col_offset - 1, msg);
}

void Parser::raise_starting_from_tok(const Token& a, const std::string& msg) {
  const Token& t = tokens_.back();
  raise("SyntaxError", a.lineno, a.col_offset, t.end_lineno, t.end_col_offset - 1, msg);
}

void Parser::raise_tokenizer_error() {
  *error_ = tokenizer_->error();
  error_->filename = std::string(filename_);
  if (fstring_mode_) {
    // Lines count from the field's line as in the shifted tokens; columns
    // stay those of the "(expr)" text, and there is no "f-string: " prefix.
    if (error_->lineno > 0) error_->lineno += start_lineno_ - 1;
    if (error_->end_lineno > 0) error_->end_lineno += start_lineno_ - 1;
  }
  throw ParseAbort{};
}

// After a parser error, CPython tokenizes the rest of the file: a tokenizer
// error there (bad character, unterminated string, bracket never closed
// before the error line) replaces the parser's message.
void Parser::check_rest_for_tokenizer_errors(int err_lineno) {
  if (tokenizer_error_) return;
  for (;;) {
    Token t = tokenizer_->next();
    if (t.kind == Tok::ENDMARKER && !tokenizer_->failed()) return;
    if (t.kind == Tok::ERRORTOKEN || tokenizer_->failed()) {
      const SyntaxError& te = tokenizer_->error();
      bool never_closed = te.msg.find("was never closed") != std::string::npos;
      if (never_closed && !(err_lineno > te.lineno)) return;
      // The errors CPython's tokenizer only flags (the parser turns them
      // into exceptions when it meets them) do not replace the parser's.
      if (te.msg == "unindent does not match any outer indentation level" ||
          te.msg == "unexpected character after line continuation character" ||
          te.msg == "unexpected EOF while parsing" || te.msg == "too many levels of indentation" ||
          te.msg == "inconsistent use of tabs and spaces in indentation")
        return;
      *error_ = te;
      error_->filename = std::string(filename_);
      return;
    }
  }
}

void Parser::report_generic_error(int first_pass_fill) {
  const Token& t = tokens_[first_pass_fill - 1];
  if (t.kind == Tok::INDENT || t.kind == Tok::DEDENT) {
    no_rest_check_ = true;
    // Reported at the tokenizer's position, which the second pass may have
    // moved past the token; the token's own column is where it stood.
    std::string_view line = tokenizer_->line(t.lineno);
    int off = known_encoding_ ? char_offset(line, t.col_offset) - 1 : t.col_offset;
    raise_offsets("IndentationError", t.lineno, off, t.end_lineno, -1,
                  t.kind == Tok::INDENT ? "unexpected indent" : "unexpected unindent");
  }
  raise_tok(t, "invalid syntax");
}

// After a 'single' statement only blanks and comments may follow.
bool Parser::single_statement_only() {
  const Token& t = tokens_.back();
  size_t i = t.text.data() + t.text.size() - src_.data();
  if (implicit_newline_index_ >= 0 && &t == &tokens_[implicit_newline_index_]) i = src_.size();
  while (i < src_.size()) {
    char c = src_[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
      i++;
    } else if (c == '#') {
      while (i < src_.size() && src_[i] != '\n') i++;
    } else {
      return false;
    }
  }
  return true;
}

ast::ModNode* Parser::run() {
  auto start = [&]() -> ast::ModNode* {
    switch (options_.mode) {
      case Mode::kFile:
        return file_rule();
      case Mode::kSingle:
        return interactive_rule();
      case Mode::kEval:
        return eval_rule();
      case Mode::kFuncType:
        return func_type_rule();
    }
    return nullptr;
  };
  try {
    if (ast::ModNode* m = start()) {
      if (options_.mode == Mode::kSingle && !single_statement_only()) {
        no_rest_check_ = true;
        raise_last("multiple statements found while compiling a single statement");
      }
      return m;
    }
  } catch (ParseAbort&) {
    if (no_rest_check_) return nullptr;
    // An error the first pass raised stands (CPython's second pass does
    // nothing once an error is set), but the rest of the file still gets
    // its tokenizer check.
    if (!tokenizer_error_ && !fstring_mode_) check_rest_for_tokenizer_errors(tokens_.back().lineno);
    return nullptr;
  }
  // Second pass, with the error rules.
  int first_fill = static_cast<int>(tokens_.size());
  error_pass_ = true;
  second_pass_ = true;
  pos_ = 0;
  memo_.clear();
  memo_arena_ = std::make_unique<base::Arena>();
  try {
    if (ast::ModNode* m = start()) return m;  // cannot happen: the error rules only add failures
    report_generic_error(first_fill);
  } catch (ParseAbort&) {
    // CPython compares against the line of the last token read, not the
    // error's own line.
    if (!tokenizer_error_ && !fstring_mode_ && !no_rest_check_)
      check_rest_for_tokenizer_errors(tokens_.back().lineno);
    return nullptr;
  }
  return nullptr;
}

ast::ModNode* parse(std::string_view source, std::string_view filename, const ParseOptions& options,
                    base::Arena& arena, SyntaxError* error) {
  std::string utf8;
  bool known_encoding = true;
  if (options.source_is_bytes) {
    DecodeOptions dopts;
    dopts.script_file = options.script_file;
    dopts.filename = filename;
    if (!decode_source(source, &utf8, error, &known_encoding, dopts)) {
      error->filename = std::string(filename);
      return nullptr;
    }
  } else {
    // A str: no decoding, but newlines are translated as for a file
    // (CPython's translate_newlines: "\r\n" and "\r" become "\n").
    utf8.reserve(source.size());
    for (size_t i = 0; i < source.size(); i++) {
      char c = source[i];
      if (c == '\r') {
        utf8.push_back('\n');
        if (i + 1 < source.size() && source[i + 1] == '\n') i++;
      } else {
        utf8.push_back(c);
      }
    }
  }
  if (utf8.find('\0') != std::string::npos) {
    error->type = "ValueError";
    error->msg = "source code string cannot contain null bytes";
    return nullptr;
  }
  // decode_source appends the final newline CPython assumes for 'exec'
  // input; the other modes see the input as it ends.
  bool terminated = !source.empty() && (source.back() == '\n' || source.back() == '\r');
  if (options.mode != Mode::kFile && options.source_is_bytes && !terminated && !utf8.empty() && utf8.back() == '\n')
    utf8.pop_back();
  // The tokens, and so every identifier, point into this arena copy.
  std::string_view text = arena.copy(utf8);
  Parser p(text, filename, options, arena, error, known_encoding);
  return p.run();
}

}  // namespace pyrite::python::parse
