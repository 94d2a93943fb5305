// set and frozenset: open-addressing hash tables (docs/objects.md,
// "Containers").
//
// The table, its growth and its probe sequence (linear probes of 9 slots
// where they fit, then perturbed jumps) follow CPython's, so iteration
// order, which programs print, is the same: {3, 1, 2} prints {1, 2, 3}.
#pragma once

#include "python/objects/object.h"

namespace pyrite::python {

// An empty slot has a null key and hash 0; a deleted one (dummy) a null
// key and hash -1.
struct SetEntry {
  Value key;
  int64_t hash;
};

struct SetTable : Object {
  int64_t size;  // slots: a power of two >= 8
  int64_t pad;
  SetEntry* entries() { return reinterpret_cast<SetEntry*>(this + 1); }
};

struct Set : Object {
  SetTable* table;  // null: empty, never grown (mask is then 7)
  int64_t fill;     // live + dummy slots
  int64_t used;     // live slots
  int64_t mask;     // table size - 1
  int64_t hash;     // frozenset: cached hash, -1 until computed
  int64_t finger;   // where pop() looks next
};

extern gc::LayoutId kSetLayout;

inline bool is_set(Value v) { return v.is_object() && isinstance(v, types::set); }
inline bool is_frozenset(Value v) { return v.is_object() && isinstance(v, types::frozenset); }
inline bool is_anyset(Value v) { return is_set(v) || is_frozenset(v); }
inline bool is_exact_set(Value v) { return v.is_object() && v.object()->type == types::set; }
inline bool is_exact_frozenset(Value v) {
  return v.is_object() && v.object()->type == types::frozenset;
}

// An empty set, frozenset or subclass instance.
Set* set_new(Type* type = types::set);
// type(iterable) without calling __init__: null iterable for empty.
Set* set_from_iterable(Type* type, Value iterable);
bool set_add(Set* s, Value key);                 // false: error
int set_contains(Set* s, Value key);             // 1, 0, -1
int set_discard(Set* s, Value key);              // 1 removed, 0 absent, -1 error
// The live entry of hash `hash` that match(key, ctx) accepts, looked for
// along the probe sequence of `hash` without comparing keys (no Python code
// runs, nothing is allocated); null if none. For callers that compare keys
// their own way (_abc's sets of weak references, abc_module.cpp).
SetEntry* set_find_hashed(Set* s, int64_t hash, bool (*match)(Value key, void* ctx), void* ctx);
bool set_update(Set* s, Value iterable);
inline int64_t set_size(const Set* s) { return s->used; }
void set_clear(Set* s);
// Iteration in table order: pos starts at 0.
bool set_next(Set* s, int64_t* pos, Value* key, int64_t* hash);
int64_t frozenset_hash(Set* s);

// The binary operations with any iterable as `other` (what the dict views
// and the named methods use); result type is type(s)'s base set type.
Set* set_union_iter(Set* s, Value other);
Set* set_intersection_iter(Set* s, Value other);
Set* set_difference_iter(Set* s, Value other);
Set* set_symmetric_difference_iter(Set* s, Value other);

void init_set();

}  // namespace pyrite::python
