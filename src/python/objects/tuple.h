// tuple: an immutable array of Values inline after the header
// (docs/objects.md, "tuple").
#pragma once

#include <initializer_list>

#include "python/objects/object.h"

namespace pyrite::python {

struct Tuple : Object {
  int64_t length;
  int64_t hash;  // -1: not computed (tuples of immutables cache it)
  // Value items[length] follows
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
  Value at(int64_t i) const { return items()[i]; }
};

extern gc::LayoutId kTupleLayout;

inline bool is_tuple(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kTupleSubclass); }
inline bool is_exact_tuple(Value v) { return v.is_object() && v.object()->type == types::tuple; }

// A tuple of `n` nulls for the caller to fill (null + MemoryError when huge).
Tuple* tuple_new(int64_t n);
Tuple* tuple_of(std::initializer_list<Value> items);
Tuple* tuple_from_array(const Value* items, int64_t n);
Tuple* tuple_empty();

}  // namespace pyrite::python
