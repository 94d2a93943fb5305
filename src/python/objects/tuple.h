// tuple: an immutable array of Values inline after the header
// (docs/objects.md, "Containers").
// Instances of heap subclasses are allocated through alloc_var_instance
// (type.h), which puts their InstanceAttrs after the items.
#pragma once

#include <initializer_list>

#include "python/objects/object.h"

namespace pyrite::python {

struct Tuple;
// tuple_iterator (the interpreter's FOR_ITER reads it directly).
struct TupleIterator : Object {
  Tuple* seq;  // null once exhausted
  int64_t index;
};

struct Tuple : Object {
  int64_t length;
  int64_t hash;  // -1: not computed (tuples of small ints and strs cache it)
  // Value items[length] follows
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
  Value at(int64_t i) const { return items()[i]; }
};

extern gc::LayoutId kTupleLayout;

inline bool is_tuple(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kTupleSubclass); }
inline bool is_exact_tuple(Value v) { return v.is_object() && v.object()->type == types::tuple; }

// A tuple of `n` nulls for the caller to fill (null + MemoryError when huge).
// Works before init_tuple(): tuples made earlier have a null type until
// init_tuple's caller patches them (core's bootstrap does).
Tuple* tuple_new(int64_t n);
Tuple* tuple_of(std::initializer_list<Value> items);
Tuple* tuple_from_array(const Value* items, int64_t n);
Tuple* tuple_empty();

// ---- more of the C++ API (containers owner) -------------------------------------

// tuple(iterable): the iterable itself when it is an exact tuple.
Tuple* tuple_from_iterable(Value iterable);
// An instance of `type` (tuple or a subclass) holding `n` nulls.
Tuple* tuple_new_subtype(Type* type, int64_t n);
// items[start:stop] (0 <= start <= stop <= length).
Tuple* tuple_slice(Tuple* t, int64_t start, int64_t stop);
// CPython 3.11's tuple hash (xxHash-based); -1 on error (unhashable item).
int64_t tuple_hash(Tuple* t);
// The repr of a sequence of values between `open` and `close` with ", "
// separators and the repr_enter guard on `self` (printing open "..." close
// when re-entered); shared by tuple, list, set and the dict views.
Value sequence_repr(Value self, const char* open, const char* close, const Value* items,
                    int64_t n);

// A growable buffer of Values kept in a GC tuple (a std::vector's buffer is
// not scanned by the GC): for building tuples and lists of unknown length
// from C++. Lives on the stack; `finish` returns an exact-size tuple.
class TupleBuilder {
 public:
  explicit TupleBuilder(int64_t reserve = 0);
  bool push(Value v);               // false: MemoryError pending
  int64_t size() const { return n_; }
  Value* items() { return buf_ ? buf_->items() : nullptr; }
  Tuple* finish();                  // null + MemoryError
 private:
  Tuple* buf_ = nullptr;
  int64_t n_ = 0;
};

// Makes the tuple type and tuple_iterator (init.cpp calls it).
void init_tuple();

}  // namespace pyrite::python
