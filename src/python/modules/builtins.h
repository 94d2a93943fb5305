// The builtins module: every builtin function of Python 3.11 plus the
// builtin types, exceptions and constants (docs/objects.md, "Exceptions and
// builtins"). The functions are split by topic:
//   builtins.cpp       the module dict, print/input, attributes, numbers, text
//   builtins_iter.cpp  iteration: all any iter next min max sorted sum aiter anext
//   builtins_code.cpp  code: compile exec eval globals locals vars dir
//                      __build_class__ __import__ open breakpoint
#pragma once

#include "python/objects/native.h"
#include "python/objects/object.h"

namespace pyrite::python {

struct Dict;
struct Str;
struct Tuple;

// A new dict holding the builtins namespace (`builtins.__dict__`); the
// interpreter wraps it in the builtins module.
Dict* make_builtins_dict();

// Method tables of the topic files ({nullptr}-terminated).
extern const MethodDef kBuiltinIterFunctions[];
extern const MethodDef kBuiltinCodeFunctions[];

// __build_class__ and __import__ delegate to the interpreter's
// build_class and import_module_level (interp/pyrun.h).

// print() to `file` (None/null: sys.stdout, or the C stdout before sys
// exists): the objects' str()s joined by sep, then end. False on error.
bool print_values(const Value* values, size_t n, Value sep, Value end, Value file, bool flush);

}  // namespace pyrite::python
