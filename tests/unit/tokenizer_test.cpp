// Tokenizer and source decoding tests (docs/frontend.md): token streams with
// positions, and every lexical error with CPython 3.11's exception type,
// message and location (the expected values were produced by
// /usr/bin/python3.11's ast.parse on the same bytes).
#include "python/parse/tokenizer.h"

#include <gtest/gtest.h>

#include <string>

namespace pyrite::python::parse {
namespace {

std::string position(const Token& k) {
  return std::to_string(k.lineno) + ',' + std::to_string(k.col_offset) + '-' +
         std::to_string(k.end_lineno) + ',' + std::to_string(k.end_col_offset);
}

// One line per token: "KIND text line,col-line,col", up to ENDMARKER or
// ERRORTOKEN.
std::string dump(std::string_view src, TokenizerOptions options = {}) {
  Tokenizer t(src, options);
  std::string out;
  for (int guard = 0; guard < 10000; guard++) {
    Token k = t.next();
    out += token_name(k.kind);
    if (!k.text.empty()) {
      out += ' ';
      out += k.text;
    }
    out += ' ' + position(k) + '\n';
    if (k.kind == Tok::ENDMARKER || k.kind == Tok::ERRORTOKEN) break;
  }
  return out;
}

// Only the kinds (and texts), for streams where positions do not matter.
std::string kinds(std::string_view src, TokenizerOptions options = {}) {
  Tokenizer t(src, options);
  std::string out;
  for (int guard = 0; guard < 10000; guard++) {
    Token k = t.next();
    if (!out.empty()) out += ' ';
    out += token_name(k.kind);
    if (!k.text.empty() && k.kind != Tok::ERRORTOKEN) {
      out += '(';
      out += k.text;
      out += ')';
    }
    if (k.kind == Tok::ENDMARKER || k.kind == Tok::ERRORTOKEN) break;
  }
  return out;
}

// Decodes and tokenizes `bytes` as CPython's compile() of bytes would and
// returns the first error (type "" if none).
SyntaxError first_error(std::string_view bytes) {
  std::string utf8;
  SyntaxError error;
  bool known = false;
  if (!decode_source(bytes, &utf8, &error, &known)) return error;
  TokenizerOptions options;
  options.known_encoding = known;
  Tokenizer t(utf8, options);
  for (int guard = 0; guard < 100000; guard++) {
    Token k = t.next();
    if (k.kind == Tok::ERRORTOKEN) {
      EXPECT_TRUE(t.failed());
      return t.error();
    }
    if (k.kind == Tok::ENDMARKER) break;
  }
  SyntaxError none;
  none.type = "";
  return none;
}

TEST(Tokenizer, SimpleStatement) {
  EXPECT_EQ(dump("x = 1\n"),
            "NAME x 1,0-1,1\n"
            "EQUAL = 1,2-1,3\n"
            "NUMBER 1 1,4-1,5\n"
            "NEWLINE 1,5-1,5\n"
            "ENDMARKER 1,6-1,6\n");
}

TEST(Tokenizer, MissingFinalNewlineIsAssumed) {
  EXPECT_EQ(dump("x"), "NAME x 1,0-1,1\nNEWLINE 1,1-1,1\nENDMARKER 1,2-1,2\n");
  EXPECT_EQ(dump("if x:\n  y"),
            "KW_IF if 1,0-1,2\nNAME x 1,3-1,4\nCOLON : 1,4-1,5\nNEWLINE 1,5-1,5\n"
            "INDENT 2,2-2,2\nNAME y 2,2-2,3\nNEWLINE 2,3-2,3\nDEDENT 2,4-2,4\n"
            "ENDMARKER 2,4-2,4\n");
}

TEST(Tokenizer, ScriptFileEndOfInputIsColumnZero) {
  TokenizerOptions o;
  o.script_file = true;
  EXPECT_EQ(dump("if x:\n  y", o),
            "KW_IF if 1,0-1,2\nNAME x 1,3-1,4\nCOLON : 1,4-1,5\nNEWLINE 1,5-1,5\n"
            "INDENT 2,2-2,2\nNAME y 2,2-2,3\nNEWLINE 2,3-2,3\nDEDENT 2,0-2,0\n"
            "ENDMARKER 2,0-2,0\n");
  // So is the end of input after a continuation in the indentation.
  Tokenizer t("x = 1\n \\", o);
  while (t.next().kind != Tok::ERRORTOKEN) {
  }
  EXPECT_EQ(t.error().msg, "unexpected EOF while parsing");
  EXPECT_EQ(t.error().lineno, 2);
  EXPECT_EQ(t.error().offset, 0);
  Tokenizer u("x = 1 \\", o);
  while (u.next().kind != Tok::ERRORTOKEN) {
  }
  EXPECT_EQ(u.error().offset, 8);
}

TEST(Tokenizer, EmptyAndBlankSources) {
  EXPECT_EQ(dump(""), "ENDMARKER 1,1-1,1\n");
  EXPECT_EQ(dump("   "), "ENDMARKER 1,4-1,4\n");
  EXPECT_EQ(dump("# only a comment"), "ENDMARKER 1,17-1,17\n");
  EXPECT_EQ(dump("\n\n"), "ENDMARKER 2,1-2,1\n");
  EXPECT_EQ(dump("\n  \n\t# c\n\x0c\n"), "ENDMARKER 4,2-4,2\n");
}

TEST(Tokenizer, IndentationAndComments) {
  // Blank and comment-only lines produce nothing; a comment before the
  // newline moves NEWLINE's start to the '#', as in CPython.
  EXPECT_EQ(dump("if x:\n  y = (1,\n 2)  # c\n\n  z\n"),
            "KW_IF if 1,0-1,2\n"
            "NAME x 1,3-1,4\n"
            "COLON : 1,4-1,5\n"
            "NEWLINE 1,5-1,5\n"
            "INDENT 2,2-2,2\n"
            "NAME y 2,2-2,3\n"
            "EQUAL = 2,4-2,5\n"
            "LPAR ( 2,6-2,7\n"
            "NUMBER 1 2,7-2,8\n"
            "COMMA , 2,8-2,9\n"
            "NUMBER 2 3,1-3,2\n"
            "RPAR ) 3,2-3,3\n"
            "NEWLINE 3,5-3,8\n"
            "NAME z 5,2-5,3\n"
            "NEWLINE 5,3-5,3\n"
            "DEDENT 5,4-5,4\n"
            "ENDMARKER 5,4-5,4\n");
}

TEST(Tokenizer, NestedBlocksDedentTogether) {
  EXPECT_EQ(kinds("if a:\n if b:\n   c\nd\n"),
            "KW_IF(if) NAME(a) COLON(:) NEWLINE INDENT KW_IF(if) NAME(b) COLON(:) NEWLINE INDENT "
            "NAME(c) NEWLINE DEDENT DEDENT NAME(d) NEWLINE ENDMARKER");
}

TEST(Tokenizer, TabsAndFormFeed) {
  // A tab counts to the next multiple of 8; a form feed resets the column.
  EXPECT_EQ(kinds("if x:\n\ta\n\tb\n"),
            "KW_IF(if) NAME(x) COLON(:) NEWLINE INDENT NAME(a) NEWLINE NAME(b) NEWLINE DEDENT "
            "ENDMARKER");
  EXPECT_EQ(kinds("if x:\n  a\n\x0c  b\n"),
            "KW_IF(if) NAME(x) COLON(:) NEWLINE INDENT NAME(a) NEWLINE NAME(b) NEWLINE DEDENT "
            "ENDMARKER");
  EXPECT_EQ(kinds("x = 1 \x0c+ 2\n"),
            "NAME(x) EQUAL(=) NUMBER(1) PLUS(+) NUMBER(2) NEWLINE ENDMARKER");
}

TEST(Tokenizer, LineContinuation) {
  EXPECT_EQ(dump("x = 1 + \\\n    2\n"),
            "NAME x 1,0-1,1\nEQUAL = 1,2-1,3\nNUMBER 1 1,4-1,5\nPLUS + 1,6-1,7\n"
            "NUMBER 2 2,4-2,5\nNEWLINE 2,5-2,5\nENDMARKER 2,6-2,6\n");
  // A continuation does not start a logical line: no INDENT.
  EXPECT_EQ(kinds("x = \\\n        1\n"), "NAME(x) EQUAL(=) NUMBER(1) NEWLINE ENDMARKER");
  // An empty line after a continuation ends the statement.
  EXPECT_EQ(kinds("x = 1 \\\n\n"), "NAME(x) EQUAL(=) NUMBER(1) NEWLINE ENDMARKER");
}

TEST(Tokenizer, NewlineConventions) {
  EXPECT_EQ(dump("a\r\nb\rc"),
            "NAME a 1,0-1,1\nNEWLINE 1,1-1,1\nNAME b 2,0-2,1\nNEWLINE 2,1-2,1\n"
            "NAME c 3,0-3,1\nNEWLINE 3,1-3,1\nENDMARKER 3,2-3,2\n");
  EXPECT_EQ(kinds("s = '''a\r\nb'''\r\n"),
            "NAME(s) EQUAL(=) STRING('''a\r\nb''') NEWLINE ENDMARKER");
}

TEST(Tokenizer, KeywordsAndSoftKeywords) {
  EXPECT_EQ(kinds("False None True and as assert async await break class continue def del"),
            "KW_FALSE(False) KW_NONE(None) KW_TRUE(True) KW_AND(and) KW_AS(as) KW_ASSERT(assert) "
            "KW_ASYNC(async) KW_AWAIT(await) KW_BREAK(break) KW_CLASS(class) "
            "KW_CONTINUE(continue) KW_DEF(def) KW_DEL(del) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("elif else except finally for from global if import in is lambda"),
            "KW_ELIF(elif) KW_ELSE(else) KW_EXCEPT(except) KW_FINALLY(finally) KW_FOR(for) "
            "KW_FROM(from) KW_GLOBAL(global) KW_IF(if) KW_IMPORT(import) KW_IN(in) KW_IS(is) "
            "KW_LAMBDA(lambda) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("nonlocal not or pass raise return try while with yield"),
            "KW_NONLOCAL(nonlocal) KW_NOT(not) KW_OR(or) KW_PASS(pass) KW_RAISE(raise) "
            "KW_RETURN(return) KW_TRY(try) KW_WHILE(while) KW_WITH(with) KW_YIELD(yield) NEWLINE "
            "ENDMARKER");
  EXPECT_EQ(kinds("match case _ print If none"),
            "NAME(match) NAME(case) NAME(_) NAME(print) NAME(If) NAME(none) NEWLINE ENDMARKER");
}

TEST(Tokenizer, Operators) {
  EXPECT_EQ(kinds("( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> **"),
            "LPAR(() RPAR()) LSQB([) RSQB(]) COLON(:) COMMA(,) SEMI(;) PLUS(+) MINUS(-) STAR(*) "
            "SLASH(/) VBAR(|) AMPER(&) LESS(<) GREATER(>) EQUAL(=) DOT(.) PERCENT(%) LBRACE({) "
            "RBRACE(}) EQEQUAL(==) NOTEQUAL(!=) LESSEQUAL(<=) GREATEREQUAL(>=) TILDE(~) "
            "CIRCUMFLEX(^) LEFTSHIFT(<<) RIGHTSHIFT(>>) DOUBLESTAR(**) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("+= -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... :="),
            "PLUSEQUAL(+=) MINEQUAL(-=) STAREQUAL(*=) SLASHEQUAL(/=) PERCENTEQUAL(%=) "
            "AMPEREQUAL(&=) VBAREQUAL(|=) CIRCUMFLEXEQUAL(^=) LEFTSHIFTEQUAL(<<=) "
            "RIGHTSHIFTEQUAL(>>=) DOUBLESTAREQUAL(**=) DOUBLESLASH(//) DOUBLESLASHEQUAL(//=) AT(@) "
            "ATEQUAL(@=) RARROW(->) ELLIPSIS(...) COLONEQUAL(:=) NEWLINE ENDMARKER");
  // Longest match, and '..' is two dots.
  EXPECT_EQ(kinds("a**=b<<=c..d....e"),
            "NAME(a) DOUBLESTAREQUAL(**=) NAME(b) LEFTSHIFTEQUAL(<<=) NAME(c) DOT(.) DOT(.) "
            "NAME(d) ELLIPSIS(...) DOT(.) NAME(e) NEWLINE ENDMARKER");
}

TEST(Tokenizer, CharactersNoRuleAccepts) {
  // CPython's tokenizer passes these through; its parser then reports
  // "invalid syntax" at them.
  EXPECT_EQ(dump("x $ ? ! ` <> y"),
            "NAME x 1,0-1,1\nOP $ 1,2-1,3\nOP ? 1,4-1,5\nOP ! 1,6-1,7\nOP ` 1,8-1,9\n"
            "OP <> 1,10-1,12\nNAME y 1,13-1,14\nNEWLINE 1,14-1,14\nENDMARKER 1,15-1,15\n");
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(kinds("0 00 0_0 7 1_000 0x_fF 0XA 0o17 0O_7 0b1_0 0B1 1. .5 1.5 1e5 1E+5 1e-5 1.5j 2J "
                  "0j 09.5 09e1 09j 0e0 1_0.0_1e1_0j"),
            "NUMBER(0) NUMBER(00) NUMBER(0_0) NUMBER(7) NUMBER(1_000) NUMBER(0x_fF) NUMBER(0XA) "
            "NUMBER(0o17) NUMBER(0O_7) NUMBER(0b1_0) NUMBER(0B1) NUMBER(1.) NUMBER(.5) NUMBER(1.5) "
            "NUMBER(1e5) NUMBER(1E+5) NUMBER(1e-5) NUMBER(1.5j) NUMBER(2J) NUMBER(0j) "
            "NUMBER(09.5) NUMBER(09e1) NUMBER(09j) NUMBER(0e0) NUMBER(1_0.0_1e1_0j) NEWLINE "
            "ENDMARKER");
  // Keywords glued to a number are only a warning in 3.11.
  EXPECT_EQ(kinds("1if x else y"),
            "NUMBER(1) KW_IF(if) NAME(x) KW_ELSE(else) NAME(y) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("[0o1for x in y]"),
            "LSQB([) NUMBER(0o1) KW_FOR(for) NAME(x) KW_IN(in) NAME(y) RSQB(]) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("1else 1or 2 1jif 1in 1is 1and 1not in x 1.5else"),
            "NUMBER(1) KW_ELSE(else) NUMBER(1) KW_OR(or) NUMBER(2) NUMBER(1j) KW_IF(if) NUMBER(1) "
            "KW_IN(in) NUMBER(1) KW_IS(is) NUMBER(1) KW_AND(and) NUMBER(1) KW_NOT(not) KW_IN(in) "
            "NAME(x) NUMBER(1.5) KW_ELSE(else) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x.real 1 .real"),
            "NAME(x) DOT(.) NAME(real) NUMBER(1) DOT(.) NAME(real) NEWLINE ENDMARKER");
}

TEST(Tokenizer, Strings) {
  EXPECT_EQ(kinds("'a' \"b\" '''c''' \"\"\"d\"\"\" '' \"\" '''''' r'\\d' b'x' u'x' f'{x}'"),
            "STRING('a') STRING(\"b\") STRING('''c''') STRING(\"\"\"d\"\"\") STRING('') "
            "STRING(\"\") STRING('''''') STRING(r'\\d') STRING(b'x') STRING(u'x') STRING(f'{x}') "
            "NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("R'x' B'x' U'x' F'x' rb'x' Rb'x' bR'x' BR'x' br'x' fr'x' Rf'x' fR'x' RF'x'"),
            "STRING(R'x') STRING(B'x') STRING(U'x') STRING(F'x') STRING(rb'x') STRING(Rb'x') "
            "STRING(bR'x') STRING(BR'x') STRING(br'x') STRING(fr'x') STRING(Rf'x') STRING(fR'x') "
            "STRING(RF'x') NEWLINE ENDMARKER");
  // With a prefix CPython does not accept, the letters are a name.
  EXPECT_EQ(kinds("ur'x' bu'x' fb'x' rbf'x'"),
            "NAME(ur) STRING('x') NAME(bu) STRING('x') NAME(fb) STRING('x') NAME(rbf) STRING('x') "
            "NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("'a\\'b' \"a\\\"b\" 'a\\\\' '''a'b''c''' \"\"\"a\"\"\"\"\""),
            "STRING('a\\'b') STRING(\"a\\\"b\") STRING('a\\\\') STRING('''a'b''c''') "
            "STRING(\"\"\"a\"\"\") STRING(\"\") NEWLINE ENDMARKER");
  // A string spanning lines starts on its first line and ends on its last.
  EXPECT_EQ(dump("x = '''a\nbc''' + 'd\\\ne'\n"),
            "NAME x 1,0-1,1\nEQUAL = 1,2-1,3\nSTRING '''a\nbc''' 1,4-2,5\nPLUS + 2,6-2,7\n"
            "STRING 'd\\\ne' 2,8-3,2\nNEWLINE 3,2-3,2\nENDMARKER 3,3-3,3\n");
  // Brackets inside an f-string are part of the one STRING token.
  EXPECT_EQ(kinds("f'{(}'"), "STRING(f'{(}') NEWLINE ENDMARKER");
}

TEST(Tokenizer, NonAsciiNames) {
  // Columns count bytes; the text is the name as written (the parser
  // normalizes it with NFKC).
  EXPECT_EQ(dump("\xc3\xa9t\xc3\xa9 = \xe2\x84\x8c\n"),
            "NAME \xc3\xa9t\xc3\xa9 1,0-1,5\nEQUAL = 1,6-1,7\nNAME \xe2\x84\x8c 1,8-1,11\n"
            "NEWLINE 1,11-1,11\nENDMARKER 1,12-1,12\n");
  EXPECT_EQ(kinds("a\xc2\xb7"
                  "b _\xe2\x80\xbf"),
            "NAME(a\xc2\xb7"
            "b) NAME(_\xe2\x80\xbf) NEWLINE ENDMARKER");
}

TEST(Tokenizer, BracketsSuppressNewlinesAndIndentation) {
  EXPECT_EQ(kinds("x = [\n  1,\n\n# c\n        2]\ny\n"),
            "NAME(x) EQUAL(=) LSQB([) NUMBER(1) COMMA(,) NUMBER(2) RSQB(]) NEWLINE NAME(y) NEWLINE "
            "ENDMARKER");
}

TEST(Tokenizer, EndOfInputInsideBrackets) {
  Tokenizer t("f(a, [b,\n {c");
  while (t.next().kind != Tok::ERRORTOKEN) {
  }
  EXPECT_EQ(t.innermost_open_bracket().kind, '{');
  EXPECT_EQ(t.innermost_open_bracket().lineno, 2);
  EXPECT_EQ(t.innermost_open_bracket().col_offset, 1);
  EXPECT_EQ(t.error().msg, "'{' was never closed");
  EXPECT_EQ(t.error().lineno, 2);
  EXPECT_EQ(t.error().offset, 2);
  EXPECT_EQ(t.error().end_offset, 0);
  EXPECT_EQ(t.error().text, " {c");
  EXPECT_EQ(t.unclosed_bracket_error().msg, "'{' was never closed");
}

TEST(Tokenizer, ErrorIsSticky) {
  Tokenizer t("x = 1abc\ny\n");
  EXPECT_EQ(t.next().kind, Tok::NAME);
  EXPECT_EQ(t.next().kind, Tok::EQUAL);
  EXPECT_EQ(t.next().kind, Tok::ERRORTOKEN);
  EXPECT_EQ(t.next().kind, Tok::ERRORTOKEN);
  EXPECT_TRUE(t.failed());
  EXPECT_EQ(t.error().msg, "invalid decimal literal");
}

TEST(Tokenizer, EndmarkerRepeats) {
  Tokenizer t("x\n");
  while (t.next().kind != Tok::ENDMARKER) {
  }
  EXPECT_EQ(t.next().kind, Tok::ENDMARKER);
}

TEST(Tokenizer, Lines) {
  Tokenizer t("a\r\nbb\rccc\n\nd");
  EXPECT_EQ(t.line(1), "a");
  EXPECT_EQ(t.line(2), "bb");
  EXPECT_EQ(t.line(3), "ccc");
  EXPECT_EQ(t.line(4), "");
  EXPECT_EQ(t.line(5), "d");
  EXPECT_EQ(t.line(6), "");
  EXPECT_EQ(t.line(0), "");
}

TEST(Tokenizer, TypeComments) {
  TokenizerOptions o;
  o.type_comments = true;
  EXPECT_EQ(dump("x = 1  # type: int\n", o),
            "NAME x 1,0-1,1\nEQUAL = 1,2-1,3\nNUMBER 1 1,4-1,5\nTYPE_COMMENT int 1,15-1,18\n"
            "NEWLINE 1,18-1,18\nENDMARKER 1,19-1,19\n");
  // The prefix's spaces match any run of blanks, even none.
  EXPECT_EQ(kinds("def f():#type:()->None\n", o),
            "KW_DEF(def) NAME(f) LPAR(() RPAR()) COLON(:) TYPE_COMMENT(()->None) NEWLINE "
            "ENDMARKER");
  // Without the option type comments are plain comments.
  EXPECT_EQ(kinds("x = 1  # type: int\n"), "NAME(x) EQUAL(=) NUMBER(1) NEWLINE ENDMARKER");

  // `# type: ignore` comments stay out of the stream; a type comment alone
  // on its line still ends with a NEWLINE, as in CPython.
  Tokenizer t("import a  # type: ignore[misc]\n# type: ignore\n# type: ignored\n", o);
  std::string stream;
  for (Token k = t.next(); k.kind != Tok::ENDMARKER; k = t.next())
    stream += std::string(token_name(k.kind)) + ' ';
  EXPECT_EQ(stream, "KW_IMPORT NAME NEWLINE TYPE_COMMENT NEWLINE ");
  ASSERT_EQ(t.type_ignores().size(), 2u);
  EXPECT_EQ(t.type_ignores()[0].lineno, 1);
  EXPECT_EQ(t.type_ignores()[0].tag, "[misc]");
  EXPECT_EQ(t.type_ignores()[1].lineno, 2);
  EXPECT_EQ(t.type_ignores()[1].tag, "");
}

struct ErrorCase {
  const char* src;
  const char* type;
  const char* msg;
  int lineno, offset, end_lineno, end_offset;
};

// Sources whose first error is lexical, with what CPython 3.11 reports.
const ErrorCase kErrorCases[] = {
    {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, -1},
    {"x = 1 \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, -1},
    {"x = (1 \\", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"x = (1 \\\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"x = 1 \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0},
    {"x = 1 \\\t\n", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0},
    {"if x:\n\ta\n        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if x:\n        a\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if x:\n  \ta\n\t  b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"if x:\n  a\n b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1},
    {"if x:\n  \xc3\xa9\n \xc3\xa9\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1},
    {"# coding: utf-8\nif x:\n  \xc3\xa9\n \xc3\xa9\n", "IndentationError", "unindent does not match any outer indentation level", 4, 3, 4, -1},
    {"0777\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2},
    {"0_7\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 3},
    {"09\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1, 1, 2},
    {"1_\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1__0\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2},
    {"0x_\n", "SyntaxError", "invalid hexadecimal literal", 1, 3, 1, 3},
    {"0xg\n", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2},
    {"0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 3, 1, 3},
    {"0o\n", "SyntaxError", "invalid octal literal", 1, 2, 1, 2},
    {"0o19\n", "SyntaxError", "invalid digit '9' in octal literal", 1, 4, 1, 4},
    {"0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 3, 1, 3},
    {"0b12\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 4, 1, 4},
    {"0b\n", "SyntaxError", "invalid binary literal", 1, 2, 1, 2},
    {"1e\n", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1},
    {"1e+\n", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3},
    {"1.0_\n", "SyntaxError", "invalid decimal literal", 1, 4, 1, 4},
    {"1e1_\n", "SyntaxError", "invalid decimal literal", 1, 4, 1, 4},
    {"1__e1\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1_e1\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1abc\n", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1},
    {"1.5abc\n", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3},
    {"1jx\n", "SyntaxError", "invalid imaginary literal", 1, 2, 1, 2},
    {"0b1z\n", "SyntaxError", "invalid binary literal", 1, 3, 1, 3},
    {"0o7z\n", "SyntaxError", "invalid octal literal", 1, 3, 1, 3},
    {"0xfz\n", "SyntaxError", "invalid hexadecimal literal", 1, 3, 1, 3},
    {"1_a\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1.5j2\n", "SyntaxError", "invalid imaginary literal", 1, 4, 1, 4},
    {"0b1_\n", "SyntaxError", "invalid binary literal", 1, 4, 1, 4},
    {"0x1__2\n", "SyntaxError", "invalid hexadecimal literal", 1, 4, 1, 4},
    {"0or 1\n", "SyntaxError", "invalid octal literal", 1, 2, 1, 2},
    {"0_or 1\n", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"x = 1.__class__\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {"x = 1._5\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {"x = 0_\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {"x = 0__0\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {"x = 00_7\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 8},
    {"x = 007.5e\n", "SyntaxError", "invalid decimal literal", 1, 9, 1, 9},
    {"x = 1e-\n", "SyntaxError", "invalid decimal literal", 1, 7, 1, 7},
    {"x = 1E+a\n", "SyntaxError", "invalid decimal literal", 1, 7, 1, 7},
    {"x = 0X\n", "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 0B1_0_2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 11, 1, 11},
    {"x = 0O7_8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 9, 1, 9},
    {"x = 1andx\n", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {"x = 1elsey\n", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {"x = 1.0fory\n", "SyntaxError", "invalid decimal literal", 1, 7, 1, 7},
    {"x = 0x1j\n", "SyntaxError", "invalid hexadecimal literal", 1, 7, 1, 7},
    {"x = 5e5_\n", "SyntaxError", "invalid decimal literal", 1, 8, 1, 8},
    {"x = .5_\n", "SyntaxError", "invalid decimal literal", 1, 7, 1, 7},
    {"x = .5e\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {"\xc3\xa9 = 08\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 6, 1, 7},
    {"x = \xe2\x82\xac\n", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 5, 1, 5},
    {"x = \xc2\xa0\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 5, 1, 5},
    {"x = a\xc2\xa0" "b\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 6, 1, 6},
    {"\xc2\xa0x\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 1, 1, 1},
    {"x = \x01\n", "SyntaxError", "invalid non-printable character U+0001", 1, 5, 1, 5},
    {"x\x7f = 1\n", "SyntaxError", "invalid non-printable character U+007F", 1, 2, 1, 2},
    {"x = \x0b\n", "SyntaxError", "invalid non-printable character U+000B", 1, 5, 1, 5},
    {"\xc2\xb7" "a = 1\n", "SyntaxError", "invalid character '\xc2\xb7' (U+00B7)", 1, 1, 1, 1},
    {"x = a\xe2\x82\xac" "b\n", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 6, 1, 6},
    {"x = \xf0\x9f\x98\x80\n", "SyntaxError", "invalid character '\xf0\x9f\x98\x80' (U+1F600)", 1, 5, 1, 5},
    {"x = \xe2\x80\x8b\n", "SyntaxError", "invalid non-printable character U+200B", 1, 5, 1, 5},
    {"\xef\xbbx = 1\n", "SyntaxError", "(unicode error) 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte", 1, 3, 1, -1},
    {"\xe9 = 1\n", "SyntaxError", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", 1, 1, 1, -1},
    {"a\xe9 = 1\n", "SyntaxError", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 1: unexpected end of data", 1, 2, 1, -1},
    {"x = a\xe9" "b\xe9\n", "SyntaxError", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 1: invalid continuation byte", 1, 8, 1, -1},
    {"# coding: latin-1\nx = a\xe9" "b\xa0\n", "SyntaxError", "invalid non-printable character U+00A0", 2, 8, 2, 8},
    {"x = 'abc\\\ndef\n", "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5, 1, 5},
    {"x = '''abc\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = 'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = ('abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 6, 1, 6},
    {"x = 1\ny = \"\"\"abc\ndef\n\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 5)", 2, 5, 2, 5},
    {"x = '\xe2\x82\xac" "abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = f'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = b'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = rb\"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = 'abc\\\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = '''abc\\\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = \"\"\"abc\"\"\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = )\n", "SyntaxError", "unmatched ')'", 1, 5, 1, 5},
    {"x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6},
    {"x = (\n]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1},
    {"x = [1,\n2,\n3)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 3, 2, 3, 2},
    {"x = {)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '{'", 1, 6, 1, 6},
    {"foo(1, 2\n", "SyntaxError", "'(' was never closed", 1, 4, 1, 0},
    {"foo(1, 2", "SyntaxError", "'(' was never closed", 1, 4, 1, 0},
    {"x = [1,\n(2\n", "SyntaxError", "'(' was never closed", 2, 1, 2, 0},
    {"x = (1\n\n\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"x = 1\r\ny = (\r\n", "SyntaxError", "'(' was never closed", 2, 5, 2, 0},
    {"x = 1\ry = 'abc\r", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 2, 5},
    {"if x:\r  a\r b\r", "IndentationError", "unindent does not match any outer indentation level", 3, 3, 3, -1},
    {"if x:\n  a\n\x0c b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1},
    {"if x:\n\ta\n\x0c        b\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"x = (1 \\\n\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"\\\n", "SyntaxError", "unexpected EOF while parsing", 1, 2, 1, -1},
    {"\\", "SyntaxError", "unexpected EOF while parsing", 1, 2, 1, -1},
    {"x = \xe9\n", "SyntaxError", "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data", 1, 5, 1, -1},
    {"# coding: foobar\nx = 1\n", "SyntaxError", "unknown encoding: foobar", 0, -1, 0, 0},
    {"\xef\xbb\xbf# coding: latin-1\nx = 1\n", "SyntaxError", "encoding problem: iso-8859-1 with BOM", 0, -1, 0, 0},
    {"# coding: ascii\nx = '\xe9'\n", "SyntaxError", "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)", 0, -1, 0, 0},
    {"# coding: cp1252\nx = '\x80\x81'\n", "SyntaxError", "'charmap' codec can't decode byte 0x81 in position 23: character maps to <undefined>", 0, -1, 0, 0},
    {"# coding: rot13\nx = 1\n", "SyntaxError", "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs", 0, -1, 0, 0},
    {"# coding: utf8\nx = '\xe9'\n", "SyntaxError", "'utf-8' codec can't decode byte 0xe9 in position 20: invalid continuation byte", 0, -1, 0, 0},
    {"# coding: shift_jis\nx = '\x81'\n", "SyntaxError", "'shift_jis' codec can't decode byte 0x81 in position 25: illegal multibyte sequence", 0, -1, 0, 0},
    {"# coding: euc_jp\nx = '\xa4'\n", "SyntaxError", "'euc_jp' codec can't decode byte 0xa4 in position 22: illegal multibyte sequence", 0, -1, 0, 0},
    {"if x:\n  a\n \\\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 4, 4, 4, -1},
    {"if x:\n    try:\n \\     reso\n", "SyntaxError", "unexpected character after line continuation character", 3, 3, 3, 0},
    {"x = 1\n \\", "SyntaxError", "unexpected EOF while parsing", 2, 3, 2, -1},
    {"f(\n \\ x\n", "SyntaxError", "unexpected character after line continuation character", 2, 3, 2, 0},
    {"if x:\n    a\n  \\\n    \\\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 5, 4, 5, -1},
    {"f(\n \\\n", "SyntaxError", "'(' was never closed", 1, 2, 1, 0},
    {"if x:\n\ta\n    \\\n\tb\n", "IndentationError", "unindent does not match any outer indentation level", 4, 3, 4, -1},
};

TEST(Tokenizer, ErrorsMatchCPython) {
  for (const ErrorCase& c : kErrorCases) {
    SCOPED_TRACE(c.src);
    SyntaxError e = first_error(c.src);
    EXPECT_EQ(e.type, c.type);
    EXPECT_EQ(e.msg, c.msg);
    EXPECT_EQ(e.lineno, c.lineno);
    EXPECT_EQ(e.offset, c.offset);
    EXPECT_EQ(e.end_lineno, c.end_lineno);
    EXPECT_EQ(e.end_offset, c.end_offset);
  }
}

TEST(Tokenizer, ErrorRaisedOrFlagged) {
  auto raised = [](std::string_view src) {
    Tokenizer t(src);
    while (t.next().kind != Tok::ERRORTOKEN) {
    }
    return t.error_raised();
  };
  EXPECT_TRUE(raised("x = 1abc\n"));
  EXPECT_TRUE(raised("x = 'abc\n"));
  EXPECT_TRUE(raised("x = )\n"));
  EXPECT_TRUE(raised("x = \xe2\x82\xac\n"));
  EXPECT_FALSE(raised("x = (1,\n"));
  EXPECT_FALSE(raised("x = 1 \\"));
  EXPECT_FALSE(raised("x = 1 \\ 2\n"));
  EXPECT_FALSE(raised("if x:\n  a\n b\n"));
  EXPECT_FALSE(raised("if x:\n\ta\n        b\n"));
  EXPECT_FALSE(raised("x = \xe9\n"));
}

TEST(Tokenizer, ErrorText) {
  SyntaxError e = first_error("x = 1\ny = 'abc\n");
  EXPECT_EQ(e.text, "y = 'abc");
  e = first_error("x = (\n\n1]\n");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 2);
  EXPECT_EQ(e.text, "1]");
}

TEST(Tokenizer, TooDeepIndentation) {
  std::string src;
  for (int i = 0; i < 100; i++) src += std::string(i, ' ') + "if x:\n";
  src += std::string(100, ' ') + "pass\n";
  SyntaxError e = first_error(src);
  EXPECT_EQ(e.type, "IndentationError");
  EXPECT_EQ(e.msg, "too many levels of indentation");
  EXPECT_EQ(e.lineno, 101);
  EXPECT_EQ(e.offset, 1);
  EXPECT_EQ(e.end_offset, 0);
  // 99 levels are fine.
  src.clear();
  for (int i = 0; i < 99; i++) src += std::string(i, ' ') + "if x:\n";
  src += std::string(99, ' ') + "pass\n";
  EXPECT_EQ(first_error(src).type, "");
}

TEST(Tokenizer, TooManyNestedParentheses) {
  SyntaxError e = first_error("x = " + std::string(201, '(') + std::string(201, ')'));
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.lineno, 1);
  EXPECT_EQ(e.offset, 205);
  EXPECT_EQ(first_error("x = " + std::string(200, '(') + std::string(200, ')')).type, "");
}

TEST(Tokenizer, ParserRoutedColumnsCountCodePointsOnlyWithKnownEncoding) {
  // CPython keeps byte columns for these when the bytes declared no
  // encoding, and counts code points when they did.
  EXPECT_EQ(first_error("\xc3\xa9 = (1\n").offset, 6);
  EXPECT_EQ(first_error("# coding: utf-8\n\xc3\xa9 = (1\n").offset, 5);
  EXPECT_EQ(first_error("\xef\xbb\xbf\xc3\xa9 = (1\n").offset, 5);
  // Tokenizer-raised errors always count code points.
  EXPECT_EQ(first_error("\xc3\xa9 = 1abc\n").offset, 5);
}

// ---- decode_source ----------------------------------------------------------

std::string decoded(std::string_view bytes, bool* known = nullptr) {
  std::string out;
  SyntaxError e;
  bool k = false;
  EXPECT_TRUE(decode_source(bytes, &out, &e, &k)) << e.msg;
  if (known) *known = k;
  return out;
}

TEST(DecodeSource, Utf8PassesThrough) {
  bool known = true;
  EXPECT_EQ(decoded("x = '\xc3\xa9'\n", &known), "x = '\xc3\xa9'\n");
  EXPECT_FALSE(known);
  // No validation without a declaration: CPython reports bad bytes later.
  EXPECT_EQ(decoded("# \xe9\nx = 1\n"), "# \xe9\nx = 1\n");
}

TEST(DecodeSource, NewlinesAreTranslatedAndAppended) {
  EXPECT_EQ(decoded("a\r\nb\rc"), "a\nb\nc\n");
  EXPECT_EQ(decoded(""), "\n");
}

TEST(DecodeSource, Bom) {
  bool known = false;
  EXPECT_EQ(decoded("\xef\xbb\xbfx = 1\n", &known), "x = 1\n");
  EXPECT_TRUE(known);
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: utf-8\nx\n"), "# coding: utf-8\nx\n");
  EXPECT_EQ(decoded("\xef\xbb\xbf# coding: UTF_8-sig\nx\n"), "# coding: UTF_8-sig\nx\n");
}

TEST(DecodeSource, CodingDeclarations) {
  bool known = false;
  EXPECT_EQ(decoded("# -*- coding: latin-1 -*-\nx = '\xe9'\n", &known),
            "# -*- coding: latin-1 -*-\nx = '\xc3\xa9'\n");
  EXPECT_TRUE(known);
  EXPECT_EQ(decoded("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n"),
            "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xe2\x82\xac'\n");
  EXPECT_EQ(decoded("\n# coding=latin1\n\xe9\n"), "\n# coding=latin1\n\xc3\xa9\n");
  EXPECT_EQ(decoded("  \x0c# coding: l1\n\xe9\n"), "  \x0c# coding: l1\n\xc3\xa9\n");
  EXPECT_EQ(decoded("# coding: cp1252\n'\x80'\n"), "# coding: cp1252\n'\xe2\x82\xac'\n");
  EXPECT_EQ(decoded("# coding: koi8-r\n'\xc1'\n"), "# coding: koi8-r\n'\xd0\xb0'\n");
  EXPECT_EQ(decoded("# coding: euc_jp\n'\xa4\xa2'\n"), "# coding: euc_jp\n'\xe3\x81\x82'\n");
  EXPECT_EQ(decoded("# coding: shift_jis\n'\x82\xa0'\n"), "# coding: shift_jis\n'\xe3\x81\x82'\n");
  // Only line 1, or line 2 after a blank or comment line, counts, and only
  // in a comment alone on its line.
  EXPECT_EQ(decoded("x = 1\n# coding: foobar\n"), "x = 1\n# coding: foobar\n");
  EXPECT_EQ(decoded("\n\n# coding: foobar\n"), "\n\n# coding: foobar\n");
  EXPECT_EQ(decoded("x # coding: foobar\n"), "x # coding: foobar\n");
  EXPECT_EQ(decoded("\\\n# coding: foobar\n"), "\\\n# coding: foobar\n");
  // Spellings of UTF-8 the tokenizer itself recognizes are not validated.
  EXPECT_EQ(decoded("# coding: utf-8-foo\n'\xe9'\n"), "# coding: utf-8-foo\n'\xe9'\n");
}

SyntaxError decode_error(std::string_view bytes) {
  std::string out;
  SyntaxError e;
  EXPECT_FALSE(decode_source(bytes, &out, &e));
  return e;
}

TEST(DecodeSource, Errors) {
  SyntaxError e = decode_error(std::string_view("x = 1\0\n", 7));
  EXPECT_EQ(e.type, "ValueError");
  EXPECT_EQ(e.msg, "source code string cannot contain null bytes");
  EXPECT_EQ(e.lineno, 0);

  e = decode_error("# coding: foobar\nx = 1\n");
  EXPECT_EQ(e.type, "SyntaxError");
  EXPECT_EQ(e.msg, "unknown encoding: foobar");
  EXPECT_EQ(e.lineno, 0);
  EXPECT_EQ(e.offset, -1);
  EXPECT_EQ(decode_error("# coding: mbcs\n").msg, "unknown encoding: mbcs");
  EXPECT_EQ(decode_error("\xef\xbb\xbf# coding: latin-1\n").msg,
            "encoding problem: iso-8859-1 with BOM");
  EXPECT_EQ(decode_error("\xef\xbb\xbf# coding: utf8\n").msg, "encoding problem: utf8 with BOM");
  EXPECT_EQ(decode_error("# coding: ascii\nx = '\xe9'\n").msg,
            "'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)");
  EXPECT_EQ(decode_error("# coding: utf8\nx = '\xe9'\n").msg,
            "'utf-8' codec can't decode byte 0xe9 in position 20: invalid continuation byte");
  EXPECT_EQ(decode_error("# coding: cp1252\nx = '\x80\x81'\n").msg,
            "'charmap' codec can't decode byte 0x81 in position 23: character maps to <undefined>");
  EXPECT_EQ(decode_error("# coding: shift_jis\nx = '\x81'\n").msg,
            "'shift_jis' codec can't decode byte 0x81 in position 25: illegal multibyte sequence");
  EXPECT_EQ(decode_error("# coding: rot13\n").msg,
            "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs");
}

TEST(DecodeSource, ScriptFiles) {
  DecodeOptions script;
  script.script_file = true;
  script.filename = "/tmp/x.py";
  std::string out;
  SyntaxError e;
  bool known = false;
  EXPECT_TRUE(decode_source("\xc3\xa9 = 1\n", &out, &e, &known, script));
  EXPECT_FALSE(known);
  // Every byte must be UTF-8, comments included.
  EXPECT_FALSE(decode_source("x = 1\nprint(1)\n# \xe9", &out, &e, &known, script));
  EXPECT_EQ(e.msg,
            "Non-UTF-8 code starting with '\\xe9' in file /tmp/x.py on line 3, but no encoding "
            "declared; see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(e.lineno, 0);
  EXPECT_FALSE(decode_source("x = 1\n# \xe2\x82\n", &out, &e, &known, script));
  EXPECT_EQ(e.msg.substr(0, 35), "Non-UTF-8 code starting with '\\xe2'");
  // A declaration (or BOM) naming UTF-8 turns the check off, as for bytes.
  EXPECT_TRUE(decode_source("# coding: utf-8\n# \xe9\n", &out, &e, &known, script));
  EXPECT_TRUE(decode_source("\xef\xbb\xbfx = 1\n# \xe9\n", &out, &e, &known, script));
  // Failing declarations are all "encoding problem".
  EXPECT_FALSE(decode_source("# coding: foobar\n", &out, &e, &known, script));
  EXPECT_EQ(e.msg, "encoding problem: foobar");
  EXPECT_FALSE(decode_source("# coding: ascii\n# \xe9\n", &out, &e, &known, script));
  EXPECT_EQ(e.msg, "encoding problem: ascii");
  EXPECT_FALSE(decode_source("\xef\xbb\xbf# coding: latin-1\n", &out, &e, &known, script));
  EXPECT_EQ(e.msg, "encoding problem: iso-8859-1 with BOM");
  EXPECT_TRUE(decode_source("# coding: latin-1\nx = '\xe9'\n", &out, &e, &known, script));
  EXPECT_EQ(out, "# coding: latin-1\nx = '\xc3\xa9'\n");
}

}  // namespace
}  // namespace pyrite::python::parse
