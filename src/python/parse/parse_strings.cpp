// Adjacent string literals: decoding each STRING token and concatenating
// them into one Constant or, when any is an f-string, one JoinedStr
// (docs/frontend.md). The f-string bodies are split in parse_fstring.cpp.
#include "python/parse/fstring.h"
#include "python/parse/literals.h"
#include "python/parse/parser_impl.h"

namespace pyrite::python::parse {

// strings: STRING+
ast::ExprNode* Parser::strings() {
  return memoized<ast::ExprNode>(Memo::kStrings, [&]() -> ast::ExprNode* {
    int first = pos_;
    while (at(Tok::STRING)) pos_++;
    if (pos_ == first) return nullptr;
    return concatenate_strings(first, pos_ - 1);
  });
}

ast::ExprNode* Parser::concatenate_strings(int first, int last) {
  const Token& ft = tokens_[first];
  const Token& lt = tokens_[last];
  FStringBuilder state(this, ft, lt);
  bool bytesmode = false;
  std::string bytes;
  for (int i = first; i <= last; i++) {
    const Token& t = tokens_[i];
    StringPrefix prefix = string_prefix(t.text);
    if (i != first && bytesmode != prefix.bytes) raise_last("cannot mix bytes and nonbytes literals");
    bytesmode = prefix.bytes;
    int q = prefix.quote_length;
    std::string_view body = t.text.substr(prefix.length + q, t.text.size() - prefix.length - 2 * q);
    if (prefix.fstring) {
      const char* s = body.data();
      state.concat_fstring(s, body.data() + body.size(), prefix.raw, 0, t);
      continue;
    }
    if (bytesmode) {
      for (char c : body)
        if (static_cast<unsigned char>(c) >= 0x80) raise_tok(t, "bytes can only contain ASCII literal characters");
    }
    std::string_view out;
    std::string err, warning;
    bool raw = prefix.raw || body.find('\\') == std::string_view::npos;
    if (!decode_string_body(body, raw, bytesmode, arena_, &out, &err, &warning)) raise_last(err);
    if (!warning.empty()) warn_tok(t, CompileWarning::Category::kDeprecation, warning);
    if (bytesmode) {
      bytes.append(out);
    } else {
      state.append_literal(out);
    }
  }
  if (bytesmode) {
    auto* c = ast::make<ast::Constant>(arena_, ft.lineno, ft.col_offset, lt.end_lineno, lt.end_col_offset);
    c->value.kind = ast::ConstKind::Bytes;
    c->value.s = arena_.copy(bytes);
    return c;
  }
  return state.finish(ft, lt);
}

}  // namespace pyrite::python::parse
