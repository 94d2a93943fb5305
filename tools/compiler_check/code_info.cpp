// Dumps facts about every code unit of a file, one line each, for
// compare.py to check against CPython's code objects (docs/compiler.md,
// "Checking it"). Fields are separated by \x1e; lists end each item with ','.
//   qualname, first line, flags, argcount, posonly, kwonly, varnames,
//   cellvars, freevars, names, stack size, constants (\x1f-terminated reprs),
//   location lines, handlers (depth + "L" if lasti, one per distinct target)
// Exit status 1 and "SyntaxError: msg (line:offset)" on a compile error,
// "parse error: ..." when the parser rejects the file.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "python/compile/compiler.h"
#include "python/parse/parser.h"

using namespace pyrite;
using namespace pyrite::python;

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + ",";
  return s;
}

void dump(const compile::CodeUnit& c) {
  std::cout << c.qualname << "\x1e" << c.first_line << "\x1e" << c.flags << "\x1e" << c.argcount << "\x1e"
            << c.posonlyargcount << "\x1e" << c.kwonlyargcount << "\x1e" << join(c.varnames) << "\x1e"
            << join(c.cellvars) << "\x1e" << join(c.freevars) << "\x1e" << join(c.names) << "\x1e" << c.stack_size
            << "\x1e";
  for (const compile::Constant& k : c.constants)
    if (k.kind != compile::Constant::Kind::kCode) std::cout << compile::constant_repr(k) << "\x1f";
  std::cout << "\x1e";
  for (const compile::LocationEntry& l : c.locations) std::cout << l.line << ",";
  std::cout << "\x1e";
  std::set<std::pair<uint32_t, std::string>> handlers;
  for (const compile::ExceptionEntry& e : c.exception_table)
    handlers.insert({e.target, std::to_string(e.depth) + (e.lasti ? "L" : "")});
  for (const auto& h : handlers) std::cout << h.second << ",";
  std::cout << "\n";
  for (const compile::Constant& k : c.constants)
    if (k.kind == compile::Constant::Kind::kCode) dump(*k.code);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: code_info FILE.py\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string src = ss.str();
  base::Arena arena;
  parse::SyntaxError err;
  ast::ModNode* mod = parse::parse(src, argv[1], parse::ParseOptions{}, arena, &err);
  if (!mod) {
    std::cout << "parse error: " << err.msg << " line " << err.lineno << "\n";
    return 1;
  }
  compile::CompileOptions options;
  options.source = src;
  auto code = compile::compile_module(mod, argv[1], arena, &err, options);
  if (!code) {
    std::cout << "SyntaxError: " << err.msg << " (" << err.lineno << ":" << err.offset << ")\n";
    return 1;
  }
  dump(*code);
}
