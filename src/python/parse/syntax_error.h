// A syntax error as CPython reports it (docs/frontend.md): the exception
// class, the message, and the location of the offending text.
#pragma once

#include <string>
#include <vector>
#include <string_view>

namespace pyrite::python::parse {

struct SyntaxError {
  // "SyntaxError", "IndentationError" or "TabError"; ValueError for
  // source that cannot be compiled at all (null bytes), as CPython 3.11 does.
  std::string type = "SyntaxError";
  std::string msg;
  std::string filename;
  // 1-based line; 1-based column counted in code points, as CPython's
  // SyntaxError.offset; 0 when unknown. The end position likewise.
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  // The source line the error is on (without its newline), "" if unknown.
  std::string text;
};

// A warning of the front end (CPython's parser and compiler warn while
// they work): an invalid escape sequence (DeprecationWarning), `x is 1` or
// `assert (a, b)` (SyntaxWarning). The caller issues them once the source is
// compiled (pyrun.cpp, emit_compile_warnings); a warning the filters turn
// into an error becomes a SyntaxError at `where`, as in CPython.
struct CompileWarning {
  enum class Category : uint8_t { kDeprecation, kSyntax };
  Category category;
  SyntaxError where;  // msg and location
};

// CPython reports columns in code points: converts a 0-based UTF-8 byte
// column of `line` into the 1-based offset SyntaxError.offset holds.
inline int char_offset(std::string_view line, int byte_col) {
  int chars = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); i++)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) chars++;
  if (byte_col > static_cast<int>(line.size())) chars += byte_col - static_cast<int>(line.size());
  return chars + 1;
}

}  // namespace pyrite::python::parse

namespace pyrite::python::parse {

// SyntaxError or one of its subclasses (the others have no location).
bool is_syntax_error_class(const std::string& type);

// The report CPython prints for an uncaught SyntaxError:
//     File "f.py", line 3
//       x = = 1
//           ^
//   SyntaxError: invalid syntax
std::string format_syntax_error(const SyntaxError& e);

// One line for tools and tests: "SyntaxError: msg (line 3, offset 5)".
std::string describe_syntax_error(const SyntaxError& e);

}  // namespace pyrite::python::parse
