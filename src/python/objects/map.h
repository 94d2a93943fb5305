// Maps: the hidden classes of heap-type instances (docs/objects.md, "Maps").
//
// An instance without a materialized __dict__ stores its attributes in an
// InstanceStorage array; its Map says which name lives at which index. Maps
// form a tree per type rooted at type->instance_map (no attributes): adding
// attribute `x` to an instance whose map is M moves it to M's child for
// `x` (a transition, created once and shared), so instances whose
// attributes were assigned in the same order share one map, and a
// (map, name) -> index answer can be cached by the interpreter and guarded
// by the JIT with one pointer compare.
//
// Invariants: a map's index of each name never changes; map->count is the
// number of names (the storage needs count slots); a map is immutable once
// made except for its transition table. Deleting an attribute, exceeding
// kMaxMapAttrs, or asking for __dict__ switches the instance to dict mode
// (InstanceAttrs::map == null, storage == the Dict) for good.
#pragma once

#include "python/objects/object.h"
#include "python/objects/type.h"

namespace pyrite::python {

struct Map : Object {
  Type* owner;          // the class whose instances use this map
  Map* parent;          // null for the root
  Str* name;            // the attribute this map added (null for the root)
  Tuple* names;         // all names in index order (shared prefix with the parent)
  Object* transitions;  // a Dict name -> child Map, or null
  Map* last_child;      // one-entry transition cache (the common case)
  int32_t count;        // number of attributes
  // A number no other map ever had (the interpreter's attribute caches
  // key on it: same id, same names at the same indexes); 0 never used.
  uint32_t id;
};
// kNoMapId: larger than any id given out (ids stop being given then).
inline constexpr uint32_t kNoMapId = 0xFFFFFFFF;
// Not a map id either: the interpreter's attribute caches mark a __slots__
// member this way (runtime_ops.h).
inline constexpr uint32_t kSlotMemberId = 0xFFFFFFFE;

struct InstanceStorage : Object {
  int64_t capacity;
  // Value items[capacity] follows
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
};

// More attributes than this and an instance goes to dict mode.
inline constexpr int32_t kMaxMapAttrs = 64;

// The root map of `t`'s instances (made on first use).
Map* type_root_map(Type* t);
// Index of `name` in `m`, or -1. Names are interned, compared by pointer
// first and by text for non-interned strings.
int32_t map_index(const Map* m, Str* name);
// The child of `m` that adds `name` (made and cached on first use).
Map* map_transition(Map* m, Str* name);

// The instance attrs' current map, or null in dict mode. An instance
// allocated zeroed (map and storage null) reads as having the root map.
Map* instance_map(Value obj);
// Dict mode: the instance's dict (made from the map if needed). Null only on
// MemoryError. After this the instance stays in dict mode.
Dict* instance_materialize_dict(Value obj);
// Replaces the instance's dict (`obj.__dict__ = d`).
bool instance_set_dict(Value obj, Value d);

}  // namespace pyrite::python
