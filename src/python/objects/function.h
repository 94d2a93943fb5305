// Python functions and bound methods (docs/interp.md, "Functions").
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Code;

struct Function : Object {
  Code* code;
  Dict* globals;
  Dict* builtins;
  Str* name;          // __name__
  Str* qualname;      // __qualname__
  Value module;       // __module__
  Tuple* defaults;    // __defaults__ or null
  Dict* kwdefaults;   // __kwdefaults__ or null
  Tuple* closure;     // cells or null
  Value doc;          // __doc__
  Value annotations;  // dict, or a tuple of name/value pairs until first read, or null
  Dict* dict;         // __dict__ (lazily)
  uint64_t version;   // changes when __code__/__defaults__ change (call caches)
};

// A function bound to an instance (`obj.method`).
struct Method : Object {
  Value func;
  Value self;
};

extern gc::LayoutId kFunctionLayout;
extern gc::LayoutId kMethodLayout;

inline bool is_function(Value v) { return v.is_object() && v.object()->type == types::function; }
inline bool is_method(Value v) { return v.is_object() && v.object()->type == types::method; }

Function* function_new(Code* code, Dict* globals, Str* qualname);
Value method_new(Value func, Value self);

void init_function();

}  // namespace pyrite::python
