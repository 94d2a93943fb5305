// Weak slots (docs/gc.md).
//
// Invariants: a registered slot holds null or an object start. After a
// collection, no registered slot points at a freed object: slots whose
// target was not marked by the roots' closure are cleared (and unregistered)
// before finalizable objects are resurrected, so a weak reference to an
// object with a finalizer reads null even though the object survives this
// collection for its hook (CPython does the same). Registrations whose
// owner died are dropped before the sweep, so a registry entry never points
// into freed memory.
#include <algorithm>
#include <vector>

#include "base/check.h"
#include "gc/heap.h"

namespace pyrite::gc {

void Heap::add_weak(void** slot, void* owner, bool notify) {
  PYR_CHECK(slot != nullptr);
  weak_[slot] = WeakEntry{owner, notify, weak_seq_++};
  if (*slot != nullptr) header_set(static_cast<Header*>(*slot), kFlagHasWeakRefs);
}

void Heap::remove_weak(void** slot) { weak_.erase(slot); }

// The callbacks of one collection are queued in the order their slots were
// registered, not in the table's: the order the program sees does not
// depend on addresses.
void Heap::clear_dead_weak_slots() {
  std::vector<std::pair<uint64_t, std::pair<void*, void**>>> queued;
  for (auto it = weak_.begin(); it != weak_.end();) {
    void** slot = it->first;
    void* target = *slot;
    if (target == nullptr || is_marked(target)) {
      ++it;
      continue;
    }
    *slot = nullptr;
    stats_.weak_slots_cleared++;
    void* owner = it->second.owner;
    // A callback only for owners the program can still reach; a dead owner
    // may yet be resurrected for a finalizer, but gets no callback.
    if (it->second.notify && owner != nullptr && is_marked(owner))
      queued.push_back({it->second.seq, {owner, slot}});
    it = weak_.erase(it);
  }
  std::sort(queued.begin(), queued.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& q : queued) pending_weak_.push_back(q.second);
}

void Heap::drop_dead_weak_owners() {
  for (auto it = weak_.begin(); it != weak_.end();) {
    void* owner = it->second.owner;
    if (owner != nullptr && !is_marked(owner))
      it = weak_.erase(it);
    else
      ++it;
  }
}

size_t Heap::run_pending_weak_callbacks() {
  if (running_hooks_) return 0;
  running_hooks_ = true;
  size_t n = 0;
  while (!pending_weak_.empty()) {
    auto [owner, slot] = pending_weak_.front();
    running_hook_for_ = owner;
    pending_weak_.pop_front();
    const LayoutInfo* layout = find_layout(header_layout(static_cast<Header*>(owner)));
    PYR_CHECK(layout != nullptr);
    if (layout->weak_cleared != nullptr) layout->weak_cleared(owner, slot);
    n++;
  }
  running_hook_for_ = nullptr;
  running_hooks_ = false;
  return n;
}

}  // namespace pyrite::gc
