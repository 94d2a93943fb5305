// property, classmethod, staticmethod, super and types.GenericAlias
// (docs/objects.md, "Types and slots").
#pragma once

#include "python/objects/native.h"
#include "python/objects/object.h"
#include "python/objects/type.h"

namespace pyrite::python {

struct Property : Object {
  Value fget, fset, fdel, doc;
  Value name;        // set by __set_name__ (for error messages), or null
  bool getter_doc;   // doc was taken from fget.__doc__
  uint8_t pad[7];
};

// classmethod and staticmethod: the wrapped callable, plus a __dict__ that
// receives __name__, __doc__, ... copied from it (3.10+).
struct FuncWrapper : Object {
  Value func;
  InstanceAttrs attrs;
};

struct Super : Object {
  Type* type;        // __thisclass__
  Value obj;         // __self__, or null (unbound super)
  Type* obj_type;    // __self_class__
};

struct GenericAlias : Object {
  Value origin;
  Tuple* args;
  Value parameters;  // null until asked
  bool starred;      // *tuple[int] (what iterating an alias gives): __unpacked__
  uint8_t pad[7];
};

Value staticmethod_new(Value func);
Value classmethod_new(Value func);
// `list[int]`: origin[args] (args a tuple or a single value). For the
// builtin types' __class_getitem__.
Value generic_alias_new(Value origin, Value args);
// `a | b` for types, None, GenericAlias and unions: a types.UnionType, or
// NotImplemented when an operand does not take part.
Value union_new(Value a, Value b);

// The native `__class_getitem__` builtin containers put in their method
// tables: {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg |
// MethodFlag::kClass}. Returns GenericAlias(cls, item).
Value generic_class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames);

}  // namespace pyrite::python
