// slice objects and the index arithmetic every sequence type shares
// (docs/objects.md, "Containers").
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Slice : Object {
  Value start;  // None when omitted (never null once made)
  Value stop;
  Value step;
};

extern gc::LayoutId kSliceLayout;

inline bool is_slice(Value v) { return v.is_object() && v.object()->type == types::slice; }

// slice(start, stop, step); null values mean None.
Slice* slice_new(Value start, Value stop, Value step);

// CPython's PySlice_Unpack: start/stop/step as int64 through __index__,
// None -> the defaults for the step's sign, huge values clipped to
// [INT64_MIN+1... INT64_MAX]. False with ValueError "slice step cannot be
// zero" or TypeError "slice indices must be integers or None or have an
// __index__ method".
bool slice_unpack(const Slice* s, int64_t* start, int64_t* stop, int64_t* step);
// CPython's PySlice_AdjustIndices: clips start/stop to a sequence of
// `length` items and returns the number of items the slice selects.
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step);
// Both: unpack, then adjust; -1 on error, else the slice length.
int64_t slice_indices_for(const Slice* s, int64_t length, int64_t* start, int64_t* stop,
                          int64_t* step);

// CPython's _PySlice_GetLongIndices: start, stop, step as exact ints for
// a sequence of `length` items (an int >= 0, maybe big), clipped like
// slice.indices(). False with an exception.
bool slice_long_indices(const Slice* s, Value length, Value* start, Value* stop, Value* step);

// A sequence subscript that is not a slice, as int64: small ints directly,
// anything with __index__ through it; OverflowError past int64 becomes
// IndexError "cannot fit 'T' into an index-sized integer" as CPython's
// sequences do. False with TypeError "<what> indices must be integers or
// slices, not str" when there is no __index__ (what: "list", "tuple").
bool sequence_index(Value key, const char* what, int64_t* out);
// True if `v` has __index__ (an int or a class defining it).
bool has_index(Value v);

void init_slice();

}  // namespace pyrite::python

namespace pyrite::python {

// Helpers for the sequence types' `*` and `+` slots and index() methods.

// For seq * count (either order): 1 with *n set, 0 when count has no
// __index__ (NotImplemented, or TypeError "can't multiply sequence by
// non-int of type 'str'" if the other side will not handle it: then -1),
// -1 on error (OverflowError "cannot fit 'int' into an index-sized integer").
int repeat_count(Value seq, Value count, BinaryOp op, int64_t* n);
// True when `other` is an instance of a class (not a builtin) defining
// `op`, so a sequence slot should return NotImplemented and let the
// reflected method run before raising its own message.
bool defers_binary(Value other, BinaryOp op);
// The most items a list or tuple may hold: physical memory / 8. Beyond it
// an allocation would only succeed through overcommit and then fail while
// being filled, so the sequence raises MemoryError up front (as CPython's
// does for `[1] * 10**12` and `tuple(range(10**12))`).
int64_t max_sequence_length();

// An index argument of list.index/tuple.index/str.find-style methods:
// __index__, clipped to int64 (CPython's _PyEval_SliceIndexNotNone). False
// with TypeError "slice indices must be integers or have an __index__ method".
bool clipped_index(Value v, int64_t* out);

}  // namespace pyrite::python
