// Finalizers with PEP 442 semantics (docs/gc.md).
//
// Invariants: finalizable_ holds exactly the objects with kFlagFinalizable,
// each of which is live or unreachable-but-not-yet-collected. When marking
// from the roots is complete, every unmarked object in it is moved to the
// pending queue, flagged kFlagFinalized (so it is never queued again), and
// marked together with everything it reaches: all of that survives this
// collection, so the hook sees intact objects. The pending queue is a root
// until the hook has run; an object still unreachable at a later collection
// is then freed like any other. The objects found unreachable by one
// collection run newest first (reverse registration order): a newer object
// usually holds the older ones (a nested structure, a list's later items),
// and reference counting (CPython) finalizes a holder before what it holds,
// an outer OrderedDict before the one inside it. Objects in a cycle are all
// queued in the same collection, in no guaranteed order. A layout's
// needs_finalize hook may decline (a generator that finished since it was
// registered): that object is dropped from the list unflagged, and freed by
// this collection unless a queued object reaches it.
#include <algorithm>

#include "base/check.h"
#include "gc/heap.h"

namespace pyrite::gc {

void Heap::queue_unreachable_finalizable() {
  size_t kept = 0;
  size_t first_new = pending_finalize_.size();
  // Indexed directly: registered objects have valid layouts, and the table
  // does not change during a collection.
  const LayoutInfo* layouts = detail::layout_table();
  for (void* obj : finalizable_) {
    if (is_marked(obj)) {
      finalizable_[kept++] = obj;
      continue;
    }
    auto* h = static_cast<Header*>(obj);
    header_clear(h, kFlagFinalizable);
    const LayoutInfo& layout = layouts[header_layout(h)];
    if (layout.needs_finalize && !layout.needs_finalize(obj)) continue;  // freed now, nothing to run
    header_set(h, kFlagFinalized);
    pending_finalize_.push_back(obj);
  }
  finalizable_.resize(kept);
  std::reverse(pending_finalize_.begin() + std::ptrdiff_t(first_new), pending_finalize_.end());
  stats_.finalizers_queued += pending_finalize_.size() - first_new;
  for (size_t i = first_new; i < pending_finalize_.size(); i++) mark_root(pending_finalize_[i]);
  drain_mark_stack();
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
