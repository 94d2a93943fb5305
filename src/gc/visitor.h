// The reference visitor a layout's trace hook reports to (docs/gc.md).
//
// A Visitor is a growable buffer of references with an inline, non-virtual
// visit(): trace hooks append the references an object holds and the caller
// (the marker, the verifier, root enumeration) consumes the appended range.
// For the marker the buffer is the mark stack itself, so tracing an object
// costs one indirect call for the hook and a store per reference, and the
// marker filters the appended range in place. A virtual visit() per
// reference measured the same within noise (docs/gc.md, "Measurements");
// the buffer was kept because one hook then serves the marker, the verifier
// and root enumeration without a class hierarchy of visitors.
#pragma once

#include <cstddef>

namespace pyrite::gc {

class Visitor {
 public:
  Visitor() = default;
  Visitor(const Visitor&) = delete;
  Visitor& operator=(const Visitor&) = delete;
  ~Visitor();

  // Reports one reference: null or a pointer to the start of a GC object.
  // Tagged non-pointers must be filtered out by the caller.
  void visit(const void* ref) {
    if (ref == nullptr) return;
    if (top_ == end_) grow();
    *top_++ = const_cast<void*>(ref);
  }

  size_t size() const { return size_t(top_ - begin_); }
  void* at(size_t i) const { return begin_[i]; }
  void clear() { top_ = begin_; }

 private:
  friend class Heap;
  void grow();

  void** begin_ = nullptr;
  void** top_ = nullptr;
  void** end_ = nullptr;
};

}  // namespace pyrite::gc
