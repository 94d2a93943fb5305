// list: a growable sequence with storage strategies (docs/objects.md,
// "Containers").
//
// A list's items live in a separate GC storage object (objects never grow
// in place) whose element representation is the list's strategy:
//
//   kEmpty   no items (storage may be null)
//   kInt     raw int64 of small ints (every item is_small())
//   kFloat   raw doubles (every item an exact float, not a NaN; boxed on read)
//   kObject  Values
//
// A store that does not fit the strategy converts the storage to kObject
// once (never back, except clear() and emptying assignments, which return
// to kEmpty). The JIT reads `strategy`, `length` and the storage's data
// directly; the layouts below are its contract.
#pragma once

#include "python/objects/float.h"
#include "python/objects/object.h"

namespace pyrite::python {

enum class ListStrategy : uint32_t { kEmpty = 0, kInt = 1, kFloat = 2, kObject = 3 };

// Items storage: `capacity` elements of 8 bytes each (int64, double or Value).
struct ListStorage : Object {
  // The allocated size as CPython's list reports it (__sizeof__): its growth
  // formula, applied when CPython would resize. The storage physically has
  // `room` >= capacity elements; growth within the room only raises
  // capacity, so appending copies O(n) items in all (the room grows by at
  // least half each time) while __sizeof__ matches CPython. Elements at
  // capacity and beyond are never written, so they stay zero (untraced).
  int64_t capacity;
  int64_t room;
  int64_t* ints() { return reinterpret_cast<int64_t*>(this + 1); }
  double* floats() { return reinterpret_cast<double*>(this + 1); }
  Value* values() { return reinterpret_cast<Value*>(this + 1); }
};

struct List : Object {
  ListStorage* storage;   // null or at least `length` elements
  int64_t length;
  ListStrategy strategy;
  // 1 while list.sort has the items out; set_empty clears it, so a sort
  // also sees the list emptied again by user code (list_sort).
  uint32_t sorting;
};

extern gc::LayoutId kListLayout;

// list_iterator and list_reverseiterator (the interpreter's FOR_ITER reads
// them directly, runtime_ops.h).
struct ListIterator : Object {
  List* seq;      // null once exhausted
  int64_t index;
};

inline bool is_list(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kListSubclass); }
inline bool is_exact_list(Value v) { return v.is_object() && v.object()->type == types::list; }

// A new empty list (`capacity` is a hint, unused today: the first store
// picks the strategy and allocates).
List* list_new(int64_t capacity = 0);
// An empty instance of `type` (list or a subclass).
List* list_new_subtype(Type* type);
List* list_from_array(const Value* items, int64_t n);
// list(iterable): iter(iterable) first, then its length hint (len() or
// __length_hint__ of the iterable, not of the iterator), as CPython.
List* list_from_iterable(Value iterable);
// The items of v as CPython's PySequence_Fast gives them to str.join,
// bytes.join and slice assignment: an exact tuple itself, a list's items,
// else list(iter(v)) (so the iterator is asked for __iter__ and
// __length_hint__ too). When v is not iterable, a TypeError `not_iterable`.
Tuple* sequence_fast(Value v, const char* not_iterable);

inline int64_t list_size(const List* l) { return l->length; }
// l[i] for 0 <= i < length (boxes a float of the float strategy: may
// allocate, null + MemoryError only then).
Value list_get(List* l, int64_t i);
// The same, inline (the interpreter's subscript and iteration fast paths).
inline Value list_item(const List* l, int64_t i) {
  switch (l->strategy) {
    case ListStrategy::kInt: return Value::small(l->storage->ints()[i]);
    case ListStrategy::kFloat: return float_new(l->storage->floats()[i]);
    default: return l->storage->values()[i];
  }
}
// l[i] = v for 0 <= i < length; false + MemoryError when a strategy switch
// cannot allocate.
bool list_set(List* l, int64_t i, Value v);
bool list_append(List* l, Value v);
bool list_insert(List* l, int64_t i, Value v);   // i clipped like list.insert
bool list_extend(List* l, Value iterable);        // l += iterable
void list_clear(List* l);
// The items as a new tuple.
Tuple* list_as_tuple(List* l);
// Copies the items to out[0..length) (boxing floats; out must be traced
// memory, e.g. a tuple's items: the boxes allocate). False + MemoryError.
bool list_copy_items(List* l, Value* out);
// list.sort(key=key, reverse=reverse); key null or None for none.
bool list_sort(List* l, Value key, bool reverse);
// l[start:stop] as a new list.
List* list_slice(List* l, int64_t start, int64_t stop);

// For tests and the JIT: the storage strategy.
inline ListStrategy list_strategy(const List* l) { return l->strategy; }
const char* list_strategy_name(ListStrategy s);

void init_list();

}  // namespace pyrite::python
