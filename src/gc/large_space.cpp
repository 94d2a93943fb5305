// The large-object space (docs/gc.md; invariants in large_space.h).
#include "gc/large_space.h"

#include <cstdlib>

#include "base/check.h"

namespace pyrite::gc {

LargeSpace::~LargeSpace() {
  for (auto& [obj, size] : objects_) std::free(record_of(reinterpret_cast<void*>(obj)));
}

void* LargeSpace::allocate(size_t size) {
  // calloc: big requests come straight from mmap and are already zero.
  void* raw = std::calloc(1, sizeof(LargeRecord) + size);
  if (raw == nullptr) return nullptr;
  PYR_CHECK(reinterpret_cast<uintptr_t>(raw) % kGranule == 0);
  auto* rec = static_cast<LargeRecord*>(raw);
  rec->size = size;
  rec->marked = 0;
  uintptr_t obj = reinterpret_cast<uintptr_t>(rec + 1);
  objects_.emplace(obj, size);
  bytes_ += size;
  return reinterpret_cast<void*>(obj);
}

uintptr_t LargeSpace::find_object(uintptr_t addr) const {
  auto it = objects_.upper_bound(addr);
  if (it == objects_.begin()) return 0;
  --it;
  return addr < it->first + it->second ? it->first : 0;
}

LargeSpace::SweepResult LargeSpace::sweep() {
  SweepResult r;
  for (auto it = objects_.begin(); it != objects_.end();) {
    LargeRecord* rec = record_of(reinterpret_cast<void*>(it->first));
    if (rec->marked) {
      rec->marked = 0;
      r.live_bytes += it->second;
      ++it;
      continue;
    }
    r.freed_bytes += it->second;
    r.freed_objects++;
    bytes_ -= it->second;
    std::free(rec);
    it = objects_.erase(it);
  }
  return r;
}

}  // namespace pyrite::gc
