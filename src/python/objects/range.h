// range objects and their iterators (docs/objects.md, "Containers").
//
// Bounds are arbitrary ints (small or BigInt Values); `length` is computed
// once. Iteration uses an int64 iterator when every value it produces fits,
// else a long iterator over int Values.
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

struct Range : Object {
  Value start;   // exact ints
  Value stop;
  Value step;    // never 0
  Value length;  // >= 0
};

// The int64 iterator (range_iterator): yields start, start+step, ... len items.
struct RangeIterator : Object {
  int64_t next;
  int64_t step;
  int64_t remaining;
  int64_t len;        // the item count it started with (pickling: index = len - remaining)
};

extern gc::LayoutId kRangeLayout;

inline bool is_range(Value v) { return v.is_object() && v.object()->type == types::range; }

// range(start, stop, step) from exact ints; ValueError for step 0.
Value range_new(Value start, Value stop, Value step);
// An int64 iterator over [start, start+step*n) (FOR_ITER fast paths).
Value range_iterator_new(int64_t start, int64_t step, int64_t n);

void init_range();

}  // namespace pyrite::python
