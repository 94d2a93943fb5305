// Object layouts and helpers shared by the GC unit tests (docs/gc.md).
//
// Conservative stack scanning means a "collected" assertion must make sure
// no stale copy of the pointer survives on the stack or in a register: tests
// create such objects inside a noinline helper that returns the address
// disguised (xor with kHide), then overwrite the dead part of the stack with
// clobber_stack() before collecting. Stale copies also survive from one
// test to the next, and a new heap maps the addresses the last one freed:
// tests that assert "freed" keep their long-lived objects in precise roots.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "gc/heap.h"

namespace pyrite::gc::testing {

// A fixed-size object with two references and a payload.
struct Node {
  Header header;
  Node* a;
  Node* b;
  uint64_t value;
};

// A variable-size array of references.
struct Array {
  Header header;
  uint64_t length;
  void* items[];
  static size_t size_for(size_t n) { return sizeof(Array) + n * sizeof(void*); }
};

// A variable-size byte buffer without references.
struct Blob {
  Header header;
  uint64_t length;
  unsigned char bytes[];
  static size_t size_for(size_t n) { return sizeof(Blob) + n; }
};

// An object with a finalizer (and one strong reference).
struct Fin {
  Header header;
  void* ref;
  int64_t id;
};

// An object owning a weak slot.
struct WeakBox {
  Header header;
  void* target;  // weak
  int64_t id;
};

inline void trace_node(void* obj, Visitor& v) {
  auto* n = static_cast<Node*>(obj);
  v.visit(n->a);
  v.visit(n->b);
}
inline void trace_array(void* obj, Visitor& v) {
  auto* a = static_cast<Array*>(obj);
  for (uint64_t i = 0; i < a->length; i++) v.visit(a->items[i]);
}
inline void trace_fin(void* obj, Visitor& v) { v.visit(static_cast<Fin*>(obj)->ref); }

// What the hooks saw, in order.
inline std::vector<int64_t> g_finalized;
inline void* g_resurrect_slot = nullptr;  // a finalizer may store its object here
inline bool g_resurrect = false;
inline std::vector<std::pair<void*, void**>> g_weak_cleared;

inline LayoutId node_layout() {
  static LayoutId id = register_layout({.name = "Node", .trace = trace_node, .fixed_size = sizeof(Node)});
  return id;
}
inline LayoutId array_layout() {
  static LayoutId id = register_layout(
      {.name = "Array", .trace = trace_array, .size = [](const void* o) {
         return Array::size_for(static_cast<const Array*>(o)->length);
       }});
  return id;
}
inline LayoutId blob_layout() {
  static LayoutId id = register_layout({.name = "Blob", .size = [](const void* o) {
                                          return Blob::size_for(static_cast<const Blob*>(o)->length);
                                        }});
  return id;
}
inline LayoutId fin_layout() {
  static LayoutId id = register_layout({.name = "Fin",
                                        .trace = trace_fin,
                                        .fixed_size = sizeof(Fin),
                                        .finalize = [](void* obj) {
                                          g_finalized.push_back(static_cast<Fin*>(obj)->id);
                                          if (g_resurrect) g_resurrect_slot = obj;
                                        }});
  return id;
}
inline LayoutId weakbox_layout() {
  static LayoutId id = register_layout({.name = "WeakBox",
                                        .fixed_size = sizeof(WeakBox),
                                        .weak_cleared = [](void* owner, void** slot) {
                                          g_weak_cleared.emplace_back(owner, slot);
                                        }});
  return id;
}

inline Node* new_node(Heap& h, uint64_t value, Node* a = nullptr, Node* b = nullptr) {
  Node* n = h.allocate_as<Node>(node_layout());
  if (n == nullptr) return nullptr;
  n->value = value;
  n->a = a;
  n->b = b;
  return n;
}
inline Array* new_array(Heap& h, size_t length) {
  auto* a = static_cast<Array*>(h.allocate(array_layout(), Array::size_for(length)));
  if (a != nullptr) a->length = length;
  return a;
}
inline Blob* new_blob(Heap& h, size_t length, unsigned char fill) {
  auto* b = static_cast<Blob*>(h.allocate(blob_layout(), Blob::size_for(length)));
  if (b == nullptr) return nullptr;
  b->length = length;
  std::memset(b->bytes, fill, length);
  return b;
}

inline constexpr uintptr_t kHide = 0x5a5a5a5a5a5a5a5aull;
inline uintptr_t hide(const void* p) { return reinterpret_cast<uintptr_t>(p) ^ kHide; }
inline void* reveal(uintptr_t h) { return reinterpret_cast<void*>(h ^ kHide); }

// Overwrites the stack below the caller's frame, where dead helper frames
// left copies of pointers. Not instrumented: ASan's redzones around the
// buffer would otherwise keep their stale contents.
__attribute__((noinline, no_sanitize("address"))) inline void clobber_stack() {
  volatile char buf[64 * 1024];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = 0;
}

// Collects after clobbering the stack, so only real references keep objects.
// The buffer is in this very frame: a separate clobbering call would leave
// this frame's own unwritten slots (stale from earlier calls) behind.
__attribute__((noinline, no_sanitize("address"))) inline void collect_clean(Heap& h) {
  volatile char buf[64 * 1024];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = 0;
  h.collect();
}

// Runs f() below a 16 KiB pad, so whatever pointers its frames leave behind
// lie deeper than any frame the test body, collect_clean's own frame or the
// collector's bookkeeping will occupy, and collect_clean's buffer overwrites
// them. (At -O0 frames have unwritten padding slots; without the pad such a
// slot of a later frame can still hold an old pointer.)
template <class F>
__attribute__((noinline)) auto deep(F f) {
  volatile char pad[16 * 1024];
  pad[0] = 0;
  if constexpr (std::is_void_v<decltype(f())>) {
    f();
    asm volatile("" : : "r"(pad) : "memory");
  } else {
    auto result = f();
    asm volatile("" : : "r"(pad) : "memory");
    return result;
  }
}
#define PYR_GC_DEEP(expr) ::pyrite::gc::testing::deep([&] { return (expr); })

// Limits the conservative scan to the calling test body's frame and below.
// The frames above it (gtest's runner) are live, but their unwritten slots
// hold stale words from earlier tests, which can point into this test's
// objects (heaps and malloc reuse addresses); they hold no object a test
// needs, so tests leave them out and their "freed" assertions stay exact.
#define PYR_GC_SCAN_FROM_HERE(heap) (heap).set_stack_top(__builtin_frame_address(0))

// True if `hidden` (from hide) is no longer an allocated object.
inline bool is_freed(Heap& h, uintptr_t hidden) {
  return deep([&] { return h.find_object(reveal(hidden)) == nullptr; });
}

// *slot, disguised, read without leaving the pointer in the caller.
inline uintptr_t hidden_at(void* const* slot) {
  return deep([&] { return hide(*slot); });
}

}  // namespace pyrite::gc::testing
