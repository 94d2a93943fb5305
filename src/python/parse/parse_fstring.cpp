// Python 3.11 f-strings (docs/frontend.md). The tokenizer hands over one
// STRING token; its body is scanned here into literal text ({{ and }}
// undoubled), replacement fields with !r/!s/!a conversions, the `=` form
// and nested format specs. Each field's expression is parsed by a
// sub-parser over "(" + text + ")", its tokens shifted to the field's place
// in the file exactly as CPython 3.11 shifts them (including its quirks:
// only tokens ending on the field's first line get the column shift, and
// the literal parts and FormattedValues span the whole concatenation).
#include "python/parse/fstring.h"

#include "python/parse/literals.h"

namespace pyrite::python::parse {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

ast::ExprNode* FStringBuilder::make_str(const Token& first, const Token& last) {
  auto* c = ast::make<ast::Constant>(p_->arena_, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
  c->value.kind = ast::ConstKind::Str;
  c->value.s = p_->arena_.copy(last_str_);
  // CPython looks only at the first token's first character.
  if (!first.text.empty() && first.text[0] == 'u') c->str_kind = "u";
  last_str_.clear();
  has_str_ = false;
  return c;
}

void FStringBuilder::flush_str() {
  if (has_str_) exprs_.push_back(make_str(first_, last_));
}

ast::ExprNode* FStringBuilder::finish(const Token& first, const Token& last) {
  if (!fmode_) return make_str(first, last);
  if (has_str_) exprs_.push_back(make_str(first, last));
  auto* j = ast::make<ast::JoinedStr>(p_->arena_, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
  j->values = p_->to_list(exprs_);
  return j;
}

void FStringBuilder::concat_fstring(const char*& s, const char* end, bool raw, int recurse_lvl, const Token& t) {
  fmode_ = true;
  for (;;) {
    int result = find_literal(s, end, raw, recurse_lvl, t);
    if (result == 1) continue;
    if (s >= end || *s == '}') break;
    // At a '{': a replacement field.
    ast::ExprNode* e = find_expr(s, end, raw, recurse_lvl, t);
    flush_str();
    exprs_.push_back(e);
  }
  if (recurse_lvl == 0 && s < end - 1) p_->raise_last("f-string: unexpected end of string");
  if (recurse_lvl != 0 && (s >= end || *s != '}')) p_->raise_last("f-string: expecting '}'");
}

int FStringBuilder::find_literal(const char*& str, const char* end, bool raw, int recurse_lvl, const Token& t) {
  const char* s = str;
  const char* literal_start = s;
  int result = 0;
  while (s < end) {
    char ch = *s++;
    if (!raw && ch == '\\' && s < end) {
      ch = *s++;
      if (ch == 'N') {
        // "\N{NAME}": its braces are not a replacement field.
        if (s < end && *s++ == '{') {
          while (s < end && *s++ != '}') {
          }
        }
        continue;
      }
      // "\{": the backslash stays, the brace opens a field; CPython warns.
      if (ch == '{') p_->warn_tok(t, CompileWarning::Category::kDeprecation, "invalid escape sequence '\\{'");
    }
    if (ch == '{' || ch == '}') {
      // Doubled braces only at the top level, so f'{0:{3}}' still closes.
      if (recurse_lvl == 0) {
        if (s < end && *s == ch) {
          str = s + 1;
          result = 1;
          goto done;
        }
        if (ch == '}') {
          str = s - 1;
          p_->raise_last("f-string: single '}' is not allowed");
        }
      }
      s--;
      break;
    }
  }
  str = s;
done:
  if (literal_start != s) {
    std::string_view lit(literal_start, s - literal_start);
    std::string_view out;
    std::string err, warning;
    bool plain = raw || lit.find('\\') == std::string_view::npos;
    if (!decode_string_body(lit, plain, false, p_->arena_, &out, &err, &warning)) p_->raise_last(err);
    if (!warning.empty()) p_->warn_tok(t, CompileWarning::Category::kDeprecation, warning);
    append_literal(out);
  }
  return result;
}

ast::ExprNode* FStringBuilder::find_expr(const char*& str, const char* end, bool raw, int recurse_lvl, const Token& t) {
  if (recurse_lvl >= 2) p_->raise_last("f-string: expressions nested too deeply");
  str++;  // the '{'
  const char* expr_start = str;
  char quote_char = 0;
  int string_type = 0;
  int nested_depth = 0;
  char parenstack[200];
  for (; str < end; str++) {
    char ch = *str;
    if (ch == '\\') p_->raise_last("f-string expression part cannot include a backslash");
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (str + 2 < end && str[1] == ch && str[2] == ch) {
            str += 2;
            string_type = 0;
            quote_char = 0;
            continue;
          }
        } else {
          quote_char = 0;
          string_type = 0;
          continue;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (str + 2 < end && str[1] == ch && str[2] == ch) {
        string_type = 3;
        str += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (nested_depth >= 200) p_->raise_last("f-string: too many nested parenthesis");
      parenstack[nested_depth++] = ch;
    } else if (ch == '#') {
      p_->raise_last("f-string expression part cannot include '#'");
    } else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (str + 1 < end) {
        char next = str[1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          str++;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (!nested_depth) p_->raise_last(std::string("f-string: unmatched '") + ch + "'");
      nested_depth--;
      char opening = parenstack[nested_depth];
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}')))
        p_->raise_last(std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '" +
                       opening + "'");
    }
  }
  const char* expr_end = str;
  if (quote_char) p_->raise_last("f-string: unterminated string");
  if (nested_depth) p_->raise_last(std::string("f-string: unmatched '") + parenstack[nested_depth - 1] + "'");
  if (str >= end) p_->raise_last("f-string: expecting '}'");

  ast::ExprNode* simple = compile_expr(expr_start, expr_end, t);

  bool debug = false;
  if (*str == '=') {
    if (p_->options_.feature_version < 8)
      p_->raise_last("f-string: self documenting expressions are only supported in Python 3.8 and greater");
    str++;
    while (str < end && is_space(*str)) str++;
    if (str >= end) p_->raise_last("f-string: expecting '}'");
    // The expression's text (with the '=' and spaces) goes in as literal.
    append_literal(std::string_view(expr_start, str - expr_start));
    debug = true;
  }
  int conversion = -1;
  if (*str == '!') {
    str++;
    if (str >= end) p_->raise_last("f-string: expecting '}'");
    conversion = static_cast<unsigned char>(*str);
    str++;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
      p_->raise_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  ast::ExprNode* format_spec = nullptr;
  if (str < end && *str == ':') {
    str++;
    if (str >= end) p_->raise_last("f-string: expecting '}'");
    FStringBuilder spec(p_, first_, last_);
    spec.concat_fstring(str, end, raw, recurse_lvl + 1, t);
    format_spec = spec.finish(t, t);
  }
  if (str >= end || *str != '}') p_->raise_last("f-string: expecting '}'");
  str++;
  if (debug && !format_spec && conversion == -1) conversion = 'r';
  auto* fv = ast::make<ast::FormattedValue>(p_->arena_, first_.lineno, first_.col_offset, last_.end_lineno,
                                            last_.end_col_offset);
  fv->value = simple;
  fv->conversion = conversion;
  fv->format_spec = format_spec;
  return fv;
}

ast::ExprNode* FStringBuilder::compile_expr(const char* expr_start, const char* expr_end, const Token& t) {
  const char* s = expr_start;
  while (s != expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) s++;
  if (s == expr_end) {
    if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
      p_->raise_last(std::string("f-string: expression required before '") + *expr_end + "'");
    p_->raise_last("f-string: empty expression not allowed");
  }
  // Where the field sits: the '{' is expr_start[-1] inside t.text.
  const char* brace = expr_start - 1;
  const char* parent = t.text.data();
  int lines = 0, cols = 0;
  bool newline_after_brace = true;
  for (const char* q = expr_start; q < t.text.data() + t.text.size() && *q != '}' && *q != '\n'; q++) {
    if (*q != ' ' && *q != '\t' && *q != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  if (!newline_after_brace) {
    const char* q = brace;
    while (q > parent && *q != '\n') q--;
    cols += static_cast<int>(brace - q);
    if (*q == '\n') cols -= 1;
  }
  for (const char* q = parent; q < brace; q++)
    if (*q == '\n') lines++;

  std::string text;
  text.reserve(expr_end - expr_start + 2);
  text += '(';
  text.append(expr_start, expr_end - expr_start);
  text += ')';
  std::string_view src = p_->arena_.copy(text);
  Parser sub(src, p_->filename_, p_->options_, p_->arena_, p_->error_, p_->known_encoding_, true);
  sub.fstring_mode_ = true;
  sub.start_lineno_ = t.lineno + lines;
  sub.start_col_ = lines != 0 ? cols : t.col_offset + cols;
  ast::ExprNode* e = sub.run_fstring_expr();
  if (!e) throw ParseAbort{};
  return e;
}

// fstring: star_expressions, over "(" + field text + ")".
ast::ExprNode* Parser::run_fstring_expr() {
  try {
    if (ast::ExprNode* e = star_expressions()) return e;
  } catch (ParseAbort&) {
    return nullptr;
  }
  int first_fill = static_cast<int>(tokens_.size());
  error_pass_ = true;
  second_pass_ = true;
  pos_ = 0;
  memo_.clear();
  memo_arena_ = std::make_unique<base::Arena>();
  try {
    if (ast::ExprNode* e = star_expressions()) return e;
    report_generic_error(first_fill);
  } catch (ParseAbort&) {
  }
  return nullptr;
}

}  // namespace pyrite::python::parse
