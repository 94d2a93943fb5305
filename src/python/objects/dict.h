// dict: an insertion-ordered hash table (docs/objects.md, "dict").
//
// Compact layout: an index table of int32 slots (open addressing,
// perturbed probing) pointing into a dense entries array in insertion
// order; deletions leave a dummy index and a null entry that compaction
// removes. Keys hash and compare through the object protocol, so lookups
// may run Python code (__hash__, __eq__) and fail.
//
// Module dicts (globals, builtins) store every value in a cell (DESIGN.md,
// "cells for globals"): the entry's value is a Cell whose `value` is the
// mapped value, and a registry maps every key ever looked up or bound to its
// one cell, so the cell of a name outlives the name's deletion and exists
// before its first binding. LOAD_GLOBAL caches cells; the JIT will read a
// cell as a constant guarded by invalidation (docs/interp.md, "Globals").
// Only this file's code sees the cells: every API below takes and returns
// the mapped values.
#pragma once

#include "python/objects/cell.h"
#include "python/objects/object.h"

namespace pyrite::python {

struct DictEntry {
  Value key;    // null: deleted
  Value value;
  int64_t hash;
};

// The GC-allocated storage: an index of int32 slots (kIndexEmpty,
// kIndexDummy or an entry position), then the entries.
//
//   +--------+---------+----------+----------+----------------+----------------------+
//   | header | nslots  | capacity | nentries | pad | int32 index[nslots] | entries[capacity] |
//   +--------+---------+----------+----------+----------------+----------------------+
struct DictTable : Object {
  int64_t nslots;     // power of two >= 8
  int64_t capacity;   // usable entries: 2/3 of nslots
  int64_t nentries;   // entries used so far, live or deleted
  int64_t pad;
  int32_t* index() { return reinterpret_cast<int32_t*>(this + 1); }
  DictEntry* entries() {
    return reinterpret_cast<DictEntry*>(reinterpret_cast<char*>(this + 1) + nslots * 4);
  }
};
inline constexpr int32_t kIndexEmpty = -1;
inline constexpr int32_t kIndexDummy = -2;

struct Dict : Object {
  DictTable* table;
  int64_t used;       // live entries
  Dict* cells;        // module dicts: key -> its Cell (plain dict); null for ordinary dicts
};

// The mapped value of a live entry of `d`.
inline Value dict_entry_value(const Dict* d, const DictEntry& e) {
  return d->cells ? static_cast<Cell*>(e.value.object())->value : e.value;
}

extern gc::LayoutId kDictLayout;

inline bool is_dict(Value v) { return v.is_object() && type_of(v)->has_flag(TypeFlag::kDictSubclass); }
inline bool is_exact_dict(Value v) { return v.is_object() && v.object()->type == types::dict; }

Dict* dict_new(int64_t capacity = 0);
// An empty module dict (values in cells). Null + MemoryError.
Dict* dict_new_cells();
// The cell of `key` in module dict `d` (created empty if `key` was never
// bound): it holds key's value while key is in `d`, null otherwise. Null +
// MemoryError only.
Cell* dict_cell_of(Dict* d, Str* key);
// Lookups: the value or null. Null with a pending exception when hashing or
// comparing failed (check thread_state().has_error() only on null).
Value dict_get(Dict* d, Value key);
Value dict_get_hashed(Dict* d, Value key, int64_t hash);
// Fast path for interned-str keys (names): identity first, then equality.
Value dict_get_str(Dict* d, Str* key);
bool dict_set(Dict* d, Value key, Value value);   // false: exception pending
bool dict_set_str(Dict* d, Str* key, Value value);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del(Dict* d, Value key);
int dict_del_str(Dict* d, Str* key);
int64_t dict_size(const Dict* d);
void dict_clear(Dict* d);
Dict* dict_copy(Dict* d);
bool dict_update(Dict* d, Value other);  // dict or mapping or iterable of pairs

// Iteration in insertion order: i starts at 0; returns false at the end.
bool dict_next(Dict* d, int64_t* i, Value* key, Value* value);

// ---- more of the C++ API (containers owner) -------------------------------------

// The hash dicts and sets use: small ints and exact strs inline, else hash().
int64_t key_hash(Value key);
int64_t hash_small_int(int64_t v);   // hash() of a small int
// The entry position of `key`, or kLookupMissing, or kLookupError.
inline constexpr int64_t kLookupMissing = -1;
inline constexpr int64_t kLookupError = -2;
int64_t dict_lookup(Dict* d, Value key, int64_t hash);
bool dict_set_hashed(Dict* d, Value key, Value value, int64_t hash);
int dict_del_hashed(Dict* d, Value key, int64_t hash);
void dict_del_entry(Dict* d, int64_t ix);
bool dict_next_hashed(Dict* d, int64_t* i, Value* key, Value* value, int64_t* hash);
// An empty instance of `type` (dict or a subclass).
Dict* dict_new_subtype(Type* type);
// dict.update(other) / dict(other) merge with CPython's rules for `other`:
// a dict (fast), anything with keys(), else an iterable of pairs.
bool dict_merge_from(Dict* d, Value other);
// d[key] with __missing__ for subclasses and KeyError(key): dict's getitem slot.
Value dict_subscript(Value d, Value key);

// Views and iterators (dict_views.cpp): `kind` is types::dict_keys,
// dict_values or dict_items for views, one of the six dict iterator types
// for iterators.
Value dict_view_new(Dict* d, Type* kind);
Value dict_iter_new(Dict* d, Type* kind);

void init_dict();
void init_dict_views();

}  // namespace pyrite::python
