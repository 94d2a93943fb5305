// Struct sequences: tuple subtypes with named fields and hidden fields past
// the tuple's length, as CPython's structseq (os.stat_result,
// os.terminal_size, posix.times_result; docs/modules.md, "posix").
//
// An instance is a Tuple of the n_in_sequence visible items; the object
// holds one more word after them (the hidden count, a small int) and then
// the hidden items, so every tuple operation sees only the visible ones:
//
//   +-------+--------+-----------+------------------+-------------------+
//   | Tuple | length | visible.. | hidden count (h) | hidden items (h)  |
//   +-------+--------+-----------+------------------+-------------------+
//
// Field k of the description (in order, unnamed ones included) lives at
// items()[k] when k < n_in_sequence, else at items()[k + 1].
#pragma once

#include "python/objects/object.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

struct StructSeqField {
  const char* name;  // null: an unnamed field (no attribute, skipped by repr names)
  const char* doc;
};

struct StructSeqDesc {
  const char* name;     // "stat_result"
  const char* module;   // "os": tp_name "os.stat_result"
  const char* doc;
  const StructSeqField* fields;
  int n_fields;         // all fields
  int n_in_sequence;    // the visible ones (the first n_in_sequence)
  // Optional: runs after structseq's __new__ filled the object from a
  // sequence (stat_result copies the int times into missing float ones).
  void (*after_new)(Tuple* t) = nullptr;
};

// Makes the type (not subclassable, as CPython's) into the rooted global.
// At most 32 fields.
Type* make_struct_seq_type(Type** into, const StructSeqDesc* desc);
// A new instance with every field None, for the caller to fill with
// struct_seq_set.
Tuple* struct_seq_new(Type* type);
// Field k (the description's numbering, hidden ones included).
void struct_seq_set(Tuple* t, int k, Value v);
Value struct_seq_get(Tuple* t, int k);

}  // namespace pyrite::python
