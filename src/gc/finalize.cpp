// Finalizers with PEP 442 semantics and ordering (docs/gc.md,
// "Finalizer ordering").
//
// Invariants: finalizable_ holds exactly the objects with kFlagFinalizable,
// each of which is live or unreachable-but-not-yet-collected. When marking
// from the roots is complete, every unmarked object in it is moved to the
// pending queue, flagged kFlagFinalized (so it is never queued again), and
// marked together with everything it reaches: all of that survives this
// collection, so the hooks see intact objects. The pending queue is a root
// until the hook has run; an object still unreachable at a later collection
// is then freed like any other.
//
// Order: the objects one collection finds unreachable are queued so that an
// object's hook runs before the hooks of the objects it reaches, unless they
// are in a cycle (then in no guaranteed order, as CPython's collector): a
// holder's __del__ sees what it holds not yet finalized (an event loop's
// sockets still open), as reference counting would. Unrelated objects run
// newest first (reverse registration order), and the items of a container
// last to first. Nothing is freed before every queued hook has run, so no
// hook can reach a freed object. A layout's needs_finalize hook may decline
// (a generator that finished since it was registered): that object is
// dropped from the list unflagged, and freed by this collection unless a
// queued object reaches it. The common case, no registered object
// unreachable, costs the one pass over the list it always did.
#include <algorithm>
#include <vector>

#include "base/check.h"
#include "gc/heap.h"

namespace pyrite::gc {

void Heap::queue_unreachable_finalizable() {
  size_t kept = 0;
  size_t first_new = pending_finalize_.size();
  // Indexed directly: registered objects have valid layouts, and the table
  // does not change during a collection.
  const LayoutInfo* layouts = detail::layout_table();
  // Pass 1: keep the marked (reachable) registrations; of the unmarked ones,
  // drop those needs_finalize declines (unflagged: freed now unless a queued
  // object reaches them) and collect the rest, oldest registration first,
  // still flagged finalizable: that flag on an unmarked object is what the
  // ordering pass looks for.
  std::vector<void*>& dead = finalize_roots_;
  dead.clear();
  for (void* obj : finalizable_) {
    if (is_marked(obj)) {
      finalizable_[kept++] = obj;
      continue;
    }
    auto* h = static_cast<Header*>(obj);
    const LayoutInfo& layout = layouts[header_layout(h)];
    if (layout.needs_finalize && !layout.needs_finalize(obj)) {
      header_clear(h, kFlagFinalizable);
      continue;
    }
    dead.push_back(obj);
  }
  finalizable_.resize(kept);
  if (dead.empty()) return;  // the common case: nothing more to do
  order_and_queue(dead);
  std::reverse(pending_finalize_.begin() + std::ptrdiff_t(first_new), pending_finalize_.end());
  stats_.finalizers_queued += pending_finalize_.size() - first_new;
  dead.clear();
}

// Pass 2: a depth-first traversal of the unmarked objects reachable from
// the dead finalizable ones, roots taken oldest first, that marks each
// object as it is popped (not as it is pushed, unlike drain_mark_stack: the
// finishing order is only topological for a true depth-first order). A
// finalizable object is appended to pending_finalize_ when everything it
// reaches has been traversed, so the finishing order puts what an object
// reaches before the object unless the two are in a cycle; the caller
// reverses it. Finish entries are the object's address with bit 0 set
// (objects are 16-byte aligned). The children an object's trace reports
// are pushed reversed, so they are traversed in trace order: of a list's
// items the first finishes first and is finalized last, as reference
// counting drops a list's items from the last (list_dealloc).
void Heap::order_and_queue(const std::vector<void*>& roots) {
  const LayoutInfo* layouts = detail::layout_table();
  Visitor& v = mark_stack_;
  PYR_DCHECK(v.size() == 0);
  for (void* root : roots) {
    if (is_marked(root)) continue;  // reached from an older root: queued there
    v.visit(root);
    while (v.top_ != v.begin_) {
      void* entry = *--v.top_;
      auto bits = reinterpret_cast<uintptr_t>(entry);
      if (bits & 1) {
        auto* h = reinterpret_cast<Header*>(bits & ~uintptr_t(1));
        header_clear(h, kFlagFinalizable);
        header_set(h, kFlagFinalized);
        pending_finalize_.push_back(h);
        continue;
      }
      if (!mark(entry)) continue;  // pushed more than once: traversed already
      auto* h = static_cast<Header*>(entry);
      if (header_has(h, kFlagFinalizable)) v.visit(reinterpret_cast<void*>(bits | 1));
      auto trace = layouts[header_layout(h)].trace;
      if (trace == nullptr) continue;
      size_t first_child = v.size();
      trace(entry, v);  // may grow (move) the buffer
      // Keep the unmarked children (a marked one is reachable from the
      // roots, traversed, or on the current path: a cycle), reversed.
      void** from = v.begin_ + first_child;
      void** out = from;
      for (void** r = from; r < v.top_; r++)
        if (!is_marked(*r)) *out++ = *r;
      std::reverse(from, out);
      v.top_ = out;
    }
  }
}

size_t Heap::queue_all_finalizable(LayoutId layout) {
  size_t kept = 0;
  size_t first_new = pending_finalize_.size();
  const LayoutInfo* info = find_layout(layout);
  PYR_CHECK(info != nullptr && info->finalize != nullptr);
  for (void* obj : finalizable_) {
    auto* h = static_cast<Header*>(obj);
    if (header_layout(h) != layout) {
      finalizable_[kept++] = obj;
      continue;
    }
    header_clear(h, kFlagFinalizable);
    if (info->needs_finalize && !info->needs_finalize(obj)) continue;
    header_set(h, kFlagFinalized);
    pending_finalize_.push_back(obj);
  }
  finalizable_.resize(kept);
  stats_.finalizers_queued += pending_finalize_.size() - first_new;
  return pending_finalize_.size() - first_new;
}

size_t Heap::run_pending_finalizers() {
  if (running_hooks_) return 0;
  running_hooks_ = true;
  size_t n = 0;
  while (!pending_finalize_.empty()) {
    void* obj = pending_finalize_.front();
    running_hook_for_ = obj;
    pending_finalize_.pop_front();
    const LayoutInfo* layout = find_layout(header_layout(static_cast<Header*>(obj)));
    PYR_CHECK(layout != nullptr && layout->finalize != nullptr);
    layout->finalize(obj);
    n++;
  }
  stats_.finalizers_run += n;
  running_hook_for_ = nullptr;
  running_hooks_ = false;
  return n;
}

}  // namespace pyrite::gc
