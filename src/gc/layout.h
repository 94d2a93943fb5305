// Object layouts: what the GC knows about each kind of object (docs/gc.md).
//
// A language registers every object layout once and stores the id in the
// header of each object of that layout. Registration is process-wide (heaps
// share the table) and must not happen while a collection runs.
#pragma once

#include <cstddef>

#include "gc/header.h"
#include "gc/visitor.h"

namespace pyrite::gc {

struct LayoutInfo {
  const char* name = "?";
  // Reports every strong reference `obj` holds (precise tracing). Must not
  // allocate, collect or mutate the heap. Null: the layout holds none.
  void (*trace)(void* obj, Visitor& v) = nullptr;
  // Fixed size in bytes (header included), or 0 for variable-size layouts,
  // which give size(). The allocator records the size it was asked for in
  // the header; the verifier checks that it matches these.
  size_t fixed_size = 0;
  size_t (*size)(const void* obj) = nullptr;
  // Finalizer (Python's __del__), run by Heap::run_pending_finalizers for
  // objects registered with Heap::register_finalizer. May allocate, collect
  // and resurrect the object; it runs at most once per object.
  void (*finalize)(void* obj) = nullptr;
  // Optional: asked by the collection that finds a registered object
  // unreachable, before it is queued. False means the finalizer has nothing
  // to do (a finished generator): the registration ends and the object is
  // freed by this collection, neither resurrected nor queued. Reads the
  // object only; must not allocate, collect or mutate the heap.
  bool (*needs_finalize)(void* obj) = nullptr;
  // Called by Heap::run_pending_weak_callbacks for an object of this layout
  // owning a weak slot (registered with notify) whose target died; *slot has
  // already been set to null.
  void (*weak_cleared)(void* owner, void** slot) = nullptr;
};

// Returns the new layout's id (never kNoLayout). `info` is copied.
LayoutId register_layout(const LayoutInfo& info);

// The registered layout, or nullptr for an unknown id.
const LayoutInfo* find_layout(LayoutId id);

namespace detail {
// The table the marker indexes directly; valid ids are [1, layout_count()).
const LayoutInfo* layout_table();
size_t layout_count();
}  // namespace detail

}  // namespace pyrite::gc
