// The heap: allocation slow paths, the collection cycle, triggers and stats
// (docs/gc.md).
//
// A collection runs, in order: retire the allocation regions (publishing
// their start bits), clear line marks, mark from the roots (precise roots,
// root callbacks, pending hook queues, the conservative stack scan), clear
// weak slots whose targets died, resurrect and queue unreachable finalizable
// objects, drop weak registrations of dead owners, sweep blocks and large
// objects. Hooks (finalizers, weak callbacks) never run inside a collection:
// they are queued and the language drains the queues afterwards.
#include "gc/heap.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "base/check.h"

namespace pyrite::gc {

Heap::Heap(const Options& options) : options_(options) {
  stack_top_ = options.stack_top ? reinterpret_cast<uintptr_t>(options.stack_top) : system_stack_top();
  trigger_ = options_.min_trigger;
  current_ = this;
}

Heap::~Heap() {
  if (current_ == this) current_ = nullptr;
}

void Heap::set_stress(bool on, uint32_t interval) {
  options_.stress = on;
  options_.stress_interval = interval == 0 ? 1 : interval;
  stress_countdown_ = options_.stress_interval;
  tlab_.limit = on ? 0 : region_limit_;
}

bool Heap::should_collect() const { return allocated_since_gc_ >= trigger_; }

bool Heap::within_limit(size_t extra) const {
  return options_.heap_limit == 0 || blocks_.committed() + large_.bytes() + extra <= options_.heap_limit;
}

// Counts what was bump-allocated since the last publish as allocated (the
// objects' start bits were set as they were made, init_small).
void Heap::publish_regions() {
  if (tlab_.cursor > region_begin_) {
    allocated_since_gc_ += tlab_.cursor - region_begin_;
    stats_.bytes_allocated += tlab_.cursor - region_begin_;
    region_begin_ = tlab_.cursor;
  }
  if (medium_cursor_ > medium_begin_) {
    allocated_since_gc_ += medium_cursor_ - medium_begin_;
    stats_.bytes_allocated += medium_cursor_ - medium_begin_;
    medium_begin_ = medium_cursor_;
  }
}

// Publishes and forgets both regions: their unused tails are unmarked lines
// the next sweep will find free again.
void Heap::retire_regions() {
  publish_regions();
  tlab_ = Tlab();
  region_begin_ = region_limit_ = 0;
  region_block_ = nullptr;
  medium_begin_ = medium_cursor_ = medium_limit_ = 0;
}

// A block to allocate into: recyclable first (unless empty_only), then free,
// then fresh memory within the heap limit. Collects first when the trigger
// is reached, and once more before giving up.
Block* Heap::take_block(bool* collected, bool empty_only) {
  if (!*collected && !options_.stress && should_collect()) {
    collect();
    *collected = true;
  }
  for (;;) {
    if (!empty_only)
      if (Block* b = blocks_.take_recyclable()) return b;
    if (Block* b = blocks_.take_free()) return b;
    if (within_limit(kBlockSize)) {
      if (Block* b = blocks_.take_fresh()) {
        low_ = std::min(low_, b->base());
        high_ = std::max(high_, b->base() + kBlockSize);
        return b;
      }
    }
    if (*collected) return nullptr;
    collect();
    *collected = true;
  }
}

// Moves the allocation region to the next hole. `collected` says whether
// this allocation has already collected: a collection rebuilds the
// recyclable list, so collecting twice for one request could loop forever.
bool Heap::next_region(bool* collected) {
  publish_regions();
  tlab_ = Tlab();
  region_begin_ = region_limit_ = 0;
  for (;;) {
    uintptr_t begin, end;
    if (region_block_ && region_block_->next_hole(&begin, &end)) {
      tlab_.cursor = region_begin_ = begin;
      region_limit_ = end;
      return true;
    }
    region_block_ = take_block(collected, false);
    if (region_block_ == nullptr) return false;
  }
}

// Objects bigger than a line that do not fit the current hole go to a
// separate region in an empty block, so the hole is not abandoned for them
// (Immix's overflow allocation).
uintptr_t Heap::allocate_medium(size_t size) {
  if (medium_cursor_ + size > medium_limit_) {
    publish_regions();
    medium_begin_ = medium_cursor_ = medium_limit_ = 0;
    bool collected = false;
    Block* b = take_block(&collected, true);
    if (b == nullptr) {
      // No empty block: settle for any hole big enough.
      while (tlab_.cursor + size > region_limit_)
        if (!next_region(&collected)) return 0;
      uintptr_t p = tlab_.cursor;
      tlab_.cursor = p + size;
      return p;
    }
    b->alloc_line = uint16_t(kLinesPerBlock);  // the block is the medium region's alone
    uintptr_t begin = b->base() + (kFirstLine << kLineShift);
    medium_begin_ = medium_cursor_ = begin;
    medium_limit_ = b->base() + kBlockSize;
  }
  uintptr_t p = medium_cursor_;
  medium_cursor_ = p + size;
  return p;
}

void* Heap::allocate_slow(LayoutId layout, size_t bytes) {
  PYR_CHECK_MSG(!collecting_, "allocation during a collection (from a trace hook?)");
  PYR_CHECK(bytes >= sizeof(Header));
  if (bytes > kMaxObjectSize) return nullptr;
  if (options_.stress && --stress_countdown_ == 0) {
    stress_countdown_ = options_.stress_interval;
    collect();
  }
  size_t size = round_to_granule(bytes);
  if (size > kLargeThreshold) return allocate_large(layout, size);
  uintptr_t p;
  if (tlab_.cursor + size <= region_limit_) {
    // The region has room but the fast path missed: stress mode (limit 0),
    // or the region was just replaced by the medium fallback.
    p = tlab_.cursor;
    tlab_.cursor = p + size;
  } else if (size > kLineSize) {
    p = allocate_medium(size);
    if (p == 0) return nullptr;
  } else {
    bool collected = false;
    if (!next_region(&collected)) return nullptr;
    p = tlab_.cursor;
    tlab_.cursor = p + size;
  }
  tlab_.limit = options_.stress ? 0 : region_limit_;
  return init_small(p, layout, size);
}

void* Heap::allocate_large(LayoutId layout, size_t size) {
  if (!options_.stress && (allocated_since_gc_ + size >= trigger_ || !within_limit(size))) collect();
  if (!within_limit(size)) {
    blocks_.release_free(0);  // committed but empty blocks count against the limit
    if (!within_limit(size)) return nullptr;
  }
  void* p = large_.allocate(size);
  if (p == nullptr) {
    collect();
    p = large_.allocate(size);
    if (p == nullptr) return nullptr;
  }
  allocated_since_gc_ += size;
  stats_.bytes_allocated += size;
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  low_ = std::min(low_, a);
  high_ = std::max(high_, a + size);
  static_cast<Header*>(p)->gc_word = make_gc_word(layout, 0, kFlagLarge);
  return p;
}

void Heap::collect() {
  PYR_CHECK_MSG(!collecting_, "collection requested during a collection");
  if (options_.verify_collections) {
    std::string report;
    size_t problems = verify(&report);
    PYR_CHECK_MSG(problems == 0, report.c_str());
  }
  auto start = std::chrono::steady_clock::now();
  collecting_ = true;
  retire_regions();
  uint64_t before = stats_.bytes_live + allocated_since_gc_;

  blocks_.clear_line_marks();
  marked_bytes_ = 0;
  marked_objects_ = 0;
  mark_roots();
  drain_mark_stack();
  clear_dead_weak_slots();
  queue_unreachable_finalizable();
  drop_dead_weak_owners();
  trigger_ = std::max<uint64_t>(options_.min_trigger, uint64_t(options_.growth * double(marked_bytes_)));
  blocks_.sweep(options_.poison_freed, trigger_ / kBlockSize + 8);
  large_.sweep();

  stats_.collections++;
  stats_.bytes_live = marked_bytes_;
  stats_.objects_live = marked_objects_;
  stats_.bytes_freed += before > marked_bytes_ ? before - marked_bytes_ : 0;
  allocated_since_gc_ = 0;
  collecting_ = false;

  uint64_t ns = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::steady_clock::now() - start)
                             .count());
  stats_.last_pause_ns = ns;
  stats_.max_pause_ns = std::max(stats_.max_pause_ns, ns);
  stats_.total_pause_ns += ns;
  if (options_.verify_collections) {
    std::string report;
    size_t problems = verify(&report);
    PYR_CHECK_MSG(problems == 0, report.c_str());
  }
}

const Stats& Heap::stats() {
  stats_.heap_bytes = blocks_.committed() + large_.bytes();
  stats_.large_objects = large_.count();
  return stats_;
}

void Heap::add_root(void** slot) { roots_.push_back(slot); }

void Heap::remove_root(void** slot) {
  auto it = std::find(roots_.begin(), roots_.end(), slot);
  PYR_CHECK_MSG(it != roots_.end(), "remove_root of a slot that is not a root");
  *it = roots_.back();
  roots_.pop_back();
}

void Heap::add_root_callback(RootFn fn, void* data) { root_callbacks_.push_back({fn, data}); }

void Heap::remove_root_callback(RootFn fn, void* data) {
  auto it = std::find_if(root_callbacks_.begin(), root_callbacks_.end(),
                         [&](const RootCallback& c) { return c.fn == fn && c.data == data; });
  PYR_CHECK_MSG(it != root_callbacks_.end(), "remove_root_callback of an unknown callback");
  root_callbacks_.erase(it);
}

void* Heap::find_object(const void* addr) {
  publish_regions();
  return reinterpret_cast<void*>(resolve_ambiguous(reinterpret_cast<uintptr_t>(addr)));
}

size_t Heap::object_size(const void* obj) const {
  auto* h = static_cast<const Header*>(obj);
  return header_has(h, kFlagLarge) ? LargeSpace::record_of(obj)->size : header_small_size(h);
}

}  // namespace pyrite::gc
