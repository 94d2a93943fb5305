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

// ---- pickling of the builtin iterators (CPython's __reduce__/__setstate__) ----------
// (builtins.<fn>, (arg,)) or, with a state, (builtins.<fn>, (arg,), state).
Value iter_reduce(const char* fn, Value arg, Value state = Value());
Value builtin_reduce(const char* fn, Tuple* args, Value state = Value());
// (builtins.iter, (list,)) with the items a copy of an iterator yields: the
// reduce of the dict and set iterators. `copy` is drained; errors propagate.
Value iter_reduce_drained(Value copy);
// __setstate__'s index as CPython's PyLong_AsSsize_t: an int only ("an
// integer is required"), OverflowError past int64.
bool iter_state_index(Value state, int64_t* out);

void init_iterators();

}  // namespace pyrite::python
