// Marking: the mark stack, precise roots and the transitive closure
// (docs/gc.md).
//
// Mark invariant: an object's mark is set exactly when it is pushed on the
// mark stack, so every object is traced at most once per collection and, when
// the stack is empty, every object reachable from a marked object is marked.
// A marked small object has also marked every line it overlaps, which is
// what makes those lines unavailable to the allocator after the sweep.
//
// Tracing appends an object's references to the mark stack (the Visitor's
// buffer) and then filters the appended range in place, keeping only the
// references this call newly marked: no virtual call per reference.
#include <cstdlib>

#include "base/check.h"
#include "gc/heap.h"

namespace pyrite::gc {

Visitor::~Visitor() { std::free(begin_); }

void Visitor::grow() {
  size_t used = size_t(top_ - begin_);
  size_t cap = size_t(end_ - begin_);
  size_t new_cap = cap ? cap * 2 : 1024;
  auto* p = static_cast<void**>(std::realloc(begin_, new_cap * sizeof(void*)));
  PYR_CHECK_MSG(p != nullptr, "out of memory growing a GC visitor buffer");
  begin_ = p;
  top_ = p + used;
  end_ = p + new_cap;
}

// Sets the mark of an object start; true if it was not marked before.
bool Heap::mark(void* obj) {
  auto* h = static_cast<Header*>(obj);
  if (header_has(h, kFlagLarge)) {
    LargeRecord* rec = LargeSpace::record_of(obj);
    if (rec->marked) return false;
    rec->marked = 1;
    marked_bytes_ += rec->size;
    marked_objects_++;
    return true;
  }
  uintptr_t a = reinterpret_cast<uintptr_t>(obj);
  Block* b = Block::of(a);
  size_t g = Block::granule_of(a);
  PYR_DCHECK(b->has_start(g));
  if (b->is_marked(g)) return false;
  b->set_mark(g);
  size_t size = header_small_size(h);
  b->mark_lines(a, size);
  marked_bytes_ += size;
  marked_objects_++;
  return true;
}

bool Heap::is_marked(const void* obj) const {
  auto* h = static_cast<const Header*>(obj);
  if (header_has(h, kFlagLarge)) return LargeSpace::record_of(obj)->marked != 0;
  uintptr_t a = reinterpret_cast<uintptr_t>(obj);
  return Block::of(a)->is_marked(Block::granule_of(a));
}

void Heap::mark_root(void* obj) {
  if (obj != nullptr && mark(obj)) mark_stack_.visit(obj);
}

// Keeps, of the references appended to the mark stack since `from`, those
// this call marks; drops the rest (already marked).
static inline void** filter_new(Heap* heap, void** from, void** top, bool (Heap::*mark)(void*)) {
  void** out = from;
  for (void** r = from; r < top; r++)
    if ((heap->*mark)(*r)) *out++ = *r;
  return out;
}

void Heap::drain_mark_stack() {
  const LayoutInfo* layouts = detail::layout_table();
  [[maybe_unused]] size_t layout_count = detail::layout_count();
  Visitor& v = mark_stack_;
  while (v.top_ != v.begin_) {
    void* obj = *--v.top_;
    LayoutId id = header_layout(static_cast<Header*>(obj));
    PYR_DCHECK(id != kNoLayout && id < layout_count);
    auto trace = layouts[id].trace;
    if (trace == nullptr) continue;
    size_t from = v.size();
    trace(obj, v);
    v.top_ = filter_new(this, v.begin_ + from, v.top_, &Heap::mark);
  }
}

void Heap::mark_roots() {
  // The stack first, before marking leaves object pointers in dead frames
  // below this one.
  scan_stack();
  for (void** slot : roots_) mark_root(*slot);
  for (const RootCallback& c : root_callbacks_) {
    size_t from = mark_stack_.size();
    c.fn(mark_stack_, c.data);
    mark_stack_.top_ = filter_new(this, mark_stack_.begin_ + from, mark_stack_.top_, &Heap::mark);
  }
  // Objects waiting for a hook, and the one whose hook is running, stay
  // alive until the hook has run.
  for (void* obj : pending_finalize_) mark_root(obj);
  for (auto& [owner, slot] : pending_weak_) mark_root(owner);
  mark_root(running_hook_for_);
}

uintptr_t Heap::resolve_ambiguous(uintptr_t word) {
  if (word < low_ || word >= high_) return 0;
  if (Block* b = blocks_.block_containing(word)) return b->find_object(word);
  if (large_.count() != 0) return large_.find_object(word);
  return 0;
}

// Reads stack memory, including ASan's redzones between locals: exempt.
__attribute__((no_sanitize("address"))) void Heap::mark_ambiguous_range(const uintptr_t* begin,
                                                                       const uintptr_t* end) {
  for (const uintptr_t* p = begin; p < end; p++) {
    uintptr_t obj = resolve_ambiguous(*p);
    if (obj != 0) mark_root(reinterpret_cast<void*>(obj));
  }
}

}  // namespace pyrite::gc
