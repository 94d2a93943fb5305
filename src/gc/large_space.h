// The large-object space: objects over kLargeThreshold, one allocation each
// (docs/gc.md).
//
// Each large object is preceded by a 16-byte record (its size and mark) and
// carries kFlagLarge in its header, so the marker finds the record with one
// subtraction. An address-ordered map resolves ambiguous interior pointers.
// Invariant: the map holds exactly the large objects not yet freed; a record's
// mark is set only during a collection, for objects found live.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

#include "gc/header.h"

namespace pyrite::gc {

struct LargeRecord {
  size_t size;  // of the object, header included, rounded to 16
  uint64_t marked;
};
static_assert(sizeof(LargeRecord) == 16);

class LargeSpace {
 public:
  LargeSpace() = default;
  LargeSpace(const LargeSpace&) = delete;
  LargeSpace& operator=(const LargeSpace&) = delete;
  ~LargeSpace();

  // A zeroed object of `size` bytes (a multiple of 16) or nullptr.
  void* allocate(size_t size);

  static LargeRecord* record_of(const void* obj) {
    return reinterpret_cast<LargeRecord*>(reinterpret_cast<uintptr_t>(obj) - sizeof(LargeRecord));
  }
  // The start of the large object containing `addr`, or 0.
  uintptr_t find_object(uintptr_t addr) const;
  bool contains_start(uintptr_t obj) const { return objects_.count(obj) != 0; }

  struct SweepResult {
    size_t live_bytes = 0;
    size_t freed_bytes = 0;
    size_t freed_objects = 0;
  };
  SweepResult sweep();

  size_t bytes() const { return bytes_; }
  size_t count() const { return objects_.size(); }
  template <class F>
  void for_each(F&& f) const {
    for (auto& [obj, size] : objects_) f(obj, size);
  }

 private:
  std::map<uintptr_t, size_t> objects_;  // start -> size
  size_t bytes_ = 0;
};

}  // namespace pyrite::gc
