// Builtin iterators (enumerate, zip, map, filter, reversed, the callable
// iterator of iter(f, sentinel)) and the helpers every iterator type
// shares (docs/objects.md, "Containers").
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

// The `iter` slot of every iterator: returns self.
Value iter_self(Value self);

// operator.length_hint(v, dflt): len(v) if it has one, else
// v.__length_hint__() if that exists and does not return NotImplemented,
// else dflt. -1 with an exception pending (TypeError "__length_hint__ must
// be an integer, not str", ValueError "__length_hint__() should return >= 0").
int64_t length_hint(Value v, int64_t dflt);

// cls.__class_getitem__(item): types.GenericAlias(cls, item) (PEP 585);
// a kClass | kOneArg native method for list, tuple, dict, set, ...
Value class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames);

// reversed(seq) for C++ callers.
Value reversed_new(Value seq);
// iter(callable, sentinel).
Value callable_iterator_new(Value callable, Value sentinel);

void init_iterators();

}  // namespace pyrite::python
