// The interpreter's entry points for the rest of the runtime (docs/interp.md):
// running code objects, calling Python functions from C++, the frame
// introspection builtins need (globals(), locals(), sys._getframe).
#pragma once

#include <string_view>

#include "python/objects/object.h"

namespace pyrite::python {

struct Code;
struct Function;
struct Module;

// Runs `code` (a module or exec/eval body) with the given globals and
// locals mapping (locals may equal globals). Returns the result or null.
Value eval_code(Code* code, Dict* globals, Value locals);
// compile(source, filename, mode) -> a Code, null + SyntaxError. mode:
// "exec", "eval", "single". flags/dont_inherit as builtins.compile.
// source_is_str: the UTF-8 of a str (a coding declaration is ignored and
// error columns count code points), else bytes to decode as a file's.
Value compile_source(std::string_view source, std::string_view filename, std::string_view mode,
                     int flags, bool dont_inherit, int optimize, bool source_is_str = false);
// The innermost Python frame's globals / locals mapping / builtins dict,
// or null outside any frame.
Dict* current_globals();
Value current_locals();     // a dict snapshot for functions, the mapping for class/module bodies
Dict* current_builtins();
// The module namespace the builtins live in.
Module* builtins_module();
// The recursion depth check for C++ code that recurses through Python
// (repr of nested containers, compare of nested tuples): false + RecursionError.
bool enter_recursive_call(const char* where);   // where: " while getting the repr of an object"
void leave_recursive_call();

}  // namespace pyrite::python
