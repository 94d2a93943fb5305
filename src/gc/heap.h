// The heap: allocation, collection, roots, weak slots, finalizers, stats
// (docs/gc.md). This is the GC's public interface; include "gc/heap.h".
//
// Mark-sweep, non-moving, full-heap. Objects live in Immix-style blocks of
// lines (block.h) or, above kLargeThreshold, in the large-object space
// (large_space.h). The heap is traced precisely through each layout's trace
// hook; the native stack and registers are scanned conservatively, so C++
// code holds objects in plain local variables.
//
// One Heap per process today, but all collector state lives here (none in
// globals besides the layout table and the current-heap pointer) so that
// per-thread allocation buffers can come later.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <emmintrin.h>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/check.h"
#include "gc/block.h"
#include "gc/header.h"
#include "gc/large_space.h"
#include "gc/layout.h"
#include "gc/visitor.h"

namespace pyrite::gc {

// Requests above this fail (return nullptr) without asking the OS.
inline constexpr size_t kMaxObjectSize = size_t(1) << 46;

struct Stats {
  uint64_t collections = 0;
  uint64_t bytes_allocated = 0;     // total, since the heap was made
  uint64_t bytes_freed = 0;         // total
  uint64_t bytes_live = 0;          // marked bytes after the last collection
  uint64_t objects_live = 0;        // marked objects after the last collection
  uint64_t heap_bytes = 0;          // committed blocks + large objects, now
  uint64_t large_objects = 0;       // now
  uint64_t last_pause_ns = 0;
  uint64_t max_pause_ns = 0;
  uint64_t total_pause_ns = 0;
  uint64_t finalizers_queued = 0;   // total
  uint64_t finalizers_run = 0;      // total
  uint64_t weak_slots_cleared = 0;  // total
};

class Heap {
 public:
  struct Options {
    // A collection starts when the bytes allocated since the last one reach
    // max(min_trigger, growth * live bytes after the last one).
    size_t min_trigger = 16 * 1024 * 1024;
    double growth = 2.0;
    // Committed bytes (blocks + large objects) beyond which allocation
    // collects and then fails; 0 for no limit.
    size_t heap_limit = 0;
    // Collect at every allocation (-X gc-stress), or at every
    // `stress_interval`-th (-X gc-stress=N).
    bool stress = false;
    uint32_t stress_interval = 1;
    // Fill dead objects with 0xdb when sweeping (finds missing trace edges).
#ifdef NDEBUG
    bool poison_freed = false;
#else
    bool poison_freed = true;
#endif
    // Run the heap verifier before and after every collection.
    bool verify_collections = false;
    // Highest address of the stack to scan; nullptr: the calling thread's
    // stack end, from the system.
    void* stack_top = nullptr;
  };

  // The allocation buffer: the JIT emits the fast path against these two
  // words (load cursor, add, compare with limit, store cursor).
  struct Tlab {
    uintptr_t cursor = 0;
    uintptr_t limit = 0;
  };

  Heap() : Heap(Options()) {}
  explicit Heap(const Options& options);
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // The most recently created heap still alive (the process's heap).
  static Heap* current() { return current_; }

  // ---- allocation -----------------------------------------------------------

  // A new object of `bytes` bytes (header included, at least 16) with the
  // given layout, or nullptr when memory is exhausted (the caller raises
  // MemoryError). Its gc_word is set; everything after it is zero, so the
  // object may be traced before the caller fills it in. May collect.
  void* allocate(LayoutId layout, size_t bytes) {
    PYR_DCHECK(bytes >= sizeof(Header));
    if (__builtin_expect(bytes <= kLargeThreshold, 1)) {
      size_t size = round_to_granule(bytes);
      uintptr_t p = tlab_.cursor;
      uintptr_t next = p + size;
      if (__builtin_expect(next <= tlab_.limit, 1)) {
        tlab_.cursor = next;
        return init_small(p, layout, size);
      }
    }
    return allocate_slow(layout, bytes);
  }

  // allocate() typed: T must begin with a Header.
  template <class T>
  T* allocate_as(LayoutId layout, size_t bytes = sizeof(T)) {
    return static_cast<T*>(allocate(layout, bytes));
  }

  Tlab* tlab() { return &tlab_; }

  // Makes [p, p + size) in a block a new object: zeroes it after the GC
  // word (holes are reused as the sweep left them: each object is cleared
  // as it is made, while its lines are being written anyway, instead of a
  // memset of the whole hole ahead of time), sets its start bit (it is
  // published at once) and writes the GC word.
  [[gnu::always_inline]] static void* init_small(uintptr_t p, LayoutId layout, size_t size) {
    auto* h = reinterpret_cast<Header*>(p);
    h->language_word = nullptr;
    for (uintptr_t q = p + kGranule; q < p + size; q += kGranule)
      _mm_store_si128(reinterpret_cast<__m128i*>(q), _mm_setzero_si128());
    Block::of(p)->set_start(Block::granule_of(p));
    h->gc_word = make_gc_word(layout, size);
    return h;
  }

  // ---- collection -----------------------------------------------------------

  void collect();
  // An explicit collection requested from a point where the caller vouches
  // that the native stack below `scan_from` (the frames between there and
  // the collector, and the registers) holds no reference that the other
  // roots do not also hold: only [scan_from, stack top) is scanned
  // conservatively, plus the `count` words at `extra` (the register values
  // those frames saved for the frames above). Stale words in the skipped
  // frames then keep nothing alive (docs/gc.md, "Explicit collections").
  void collect_from(uintptr_t scan_from, const uintptr_t* extra, size_t count);
  void set_stress(bool on, uint32_t interval = 1);
  bool stress() const { return options_.stress; }
  void set_heap_limit(size_t bytes) { options_.heap_limit = bytes; }
  void set_verify_collections(bool on) { options_.verify_collections = on; }
  const Stats& stats();

  // ---- roots ----------------------------------------------------------------

  // `*slot` (null or an object start) is a root until removed.
  void add_root(void** slot);
  void remove_root(void** slot);
  // fn(v, data) reports roots to v at every collection.
  using RootFn = void (*)(Visitor& v, void* data);
  void add_root_callback(RootFn fn, void* data);
  void remove_root_callback(RootFn fn, void* data);
  // The thread's stack end (highest address) for the conservative scan.
  void set_stack_top(void* top) { stack_top_ = reinterpret_cast<uintptr_t>(top); }

  // ---- weak slots -----------------------------------------------------------

  // Registers `slot`, which holds null or an object start, as weak: after a
  // collection in which its target died, *slot is null. `owner` is the heap
  // object containing the slot (the registration goes when the owner dies)
  // or nullptr for a slot outside the heap (remove it explicitly). With
  // notify, the owner's layout weak_cleared hook is queued when the slot is
  // cleared; run_pending_weak_callbacks runs it.
  void add_weak(void** slot, void* owner, bool notify = false);
  void remove_weak(void** slot);

  // ---- finalizers -----------------------------------------------------------

  // Marks `obj` (whose layout has a finalize hook) for finalization: when it
  // becomes unreachable it and everything it reaches survive that collection,
  // and its hook is queued. Each object is queued at most once (PEP 442).
  // Inline: every coroutine registers when it is made. That the layout has
  // a finalize hook is checked in debug builds, and again (always) when the
  // hook is run.
  void register_finalizer(void* obj) {
    auto* h = static_cast<Header*>(obj);
    if (header_has(h, kFlagFinalizable | kFlagFinalized)) return;
    PYR_DCHECK(find_layout(header_layout(h)) != nullptr && find_layout(header_layout(h))->finalize != nullptr);
    header_set(h, kFlagFinalizable);
    finalizable_.push_back(obj);
  }
  // Shutdown: queues the finalizer of every registered object of `layout`,
  // reachable or not, oldest registration first (CPython's teardown clears
  // a module's globals in the order they were made; those needs_finalize
  // declines are just unregistered). Returns the number queued; the
  // language then runs them as after a collection.
  size_t queue_all_finalizable(LayoutId layout);
  // Run the queued hooks; each returns the number run. The language calls
  // them after a collection, where running Python code is safe. Weak
  // callbacks should run first, as CPython does.
  size_t run_pending_weak_callbacks();
  size_t run_pending_finalizers();
  size_t pending_finalizers() const { return pending_finalize_.size(); }
  size_t pending_weak_callbacks() const { return pending_weak_.size(); }
  // Hooks are queued and none is running (a nested run would return 0): the
  // interpreter asks at every loop back edge, which inside a hook must not
  // try again at each iteration.
  bool hooks_pending() const {
    return !running_hooks_ && (!pending_finalize_.empty() || !pending_weak_.empty());
  }
  // A hook is running: run_pending_* called now return 0 without running any.
  bool running_hooks() const { return running_hooks_; }

  // ---- inspection -----------------------------------------------------------

  // The start of the allocated object containing `addr`, or nullptr (the
  // question the conservative stack scan asks of each word).
  void* find_object(const void* addr);
  // Size in bytes (header included) of an allocated object.
  size_t object_size(const void* obj) const;
  // Calls f(void* obj, size_t size) for every allocated object (live or not
  // yet found dead). f must not allocate.
  template <class F>
  void for_each_object(F&& f);
  // Checks every object's header, layout, size and traced references, the
  // roots, weak slots and finalizer lists. Returns the number of problems;
  // describes the first few in *report if given.
  size_t verify(std::string* report = nullptr);

 private:
  struct WeakEntry {
    void* owner;
    bool notify;
    uint64_t seq;  // registration order: callbacks are queued in it
  };
  struct RootCallback {
    RootFn fn;
    void* data;
  };

  void* allocate_slow(LayoutId layout, size_t bytes);
  void* allocate_large(LayoutId layout, size_t size);
  uintptr_t allocate_medium(size_t size);
  bool next_region(bool* collected);
  Block* take_block(bool* collected, bool empty_only);
  bool should_collect() const;
  bool within_limit(size_t extra) const;
  void publish_regions();
  void retire_regions();

  // mark.cpp
  bool mark(void* obj);
  bool is_marked(const void* obj) const;
  void mark_root(void* obj);
  void mark_roots();
  void drain_mark_stack();
  void mark_ambiguous_range(const uintptr_t* begin, const uintptr_t* end);
  uintptr_t resolve_ambiguous(uintptr_t word);
  // stack_scan.cpp
  void scan_stack();
  void scan_stack_from(const void* sp);
  static uintptr_t system_stack_top();
  // weak.cpp
  void clear_dead_weak_slots();
  void drop_dead_weak_owners();
  // finalize.cpp
  void queue_unreachable_finalizable();
  void order_and_queue(const std::vector<void*>& roots);
  // verify.cpp
  bool is_object_start(const void* p) const;

  static inline Heap* current_ = nullptr;

  Tlab tlab_;
  uintptr_t region_begin_ = 0;  // start of the unpublished part of the region
  uintptr_t region_limit_ = 0;  // the region's real end (tlab_.limit is 0 in stress mode)
  uint32_t stress_countdown_ = 1;  // allocations until the next stress collection
  Block* region_block_ = nullptr;
  uintptr_t medium_begin_ = 0;  // overflow region for medium objects
  uintptr_t medium_cursor_ = 0;
  uintptr_t medium_limit_ = 0;

  Options options_;
  BlockSpace blocks_;
  LargeSpace large_;
  uintptr_t low_ = ~uintptr_t(0);  // bounds of every object address
  uintptr_t high_ = 0;
  uintptr_t stack_top_ = 0;
  // During collect_from: where the conservative scan starts, and the extra words.
  uintptr_t scan_from_ = 0;
  const uintptr_t* scan_extra_ = nullptr;
  size_t scan_extra_count_ = 0;

  std::vector<void**> roots_;
  std::vector<RootCallback> root_callbacks_;
  std::unordered_map<void**, WeakEntry> weak_;
  uint64_t weak_seq_ = 0;
  std::vector<void*> finalizable_;
  std::deque<void*> pending_finalize_;
  std::vector<void*> finalize_roots_;  // scratch for queue_unreachable_finalizable
  std::deque<std::pair<void*, void**>> pending_weak_;
  void* running_hook_for_ = nullptr;  // the object whose hook is running
  bool running_hooks_ = false;

  Visitor mark_stack_;
  bool collecting_ = false;
  uint64_t allocated_since_gc_ = 0;
  uint64_t trigger_ = 0;
  uint64_t marked_bytes_ = 0;
  uint64_t marked_objects_ = 0;
  Stats stats_;
};

// The barrier every store of a reference into a heap object goes through,
// called before the store with the object, the field's address and the value
// about to be stored (the old value is still readable at field_addr, which a
// snapshot-at-the-beginning barrier would log). A no-op today; with sticky
// mark bits it will remember `obj` when it is old and not yet logged
// (kFlagLogged), and the JIT emits the same check inline.
inline void write_barrier(void* obj, void* field_addr, const void* new_value) {
  (void)obj;
  (void)field_addr;
  (void)new_value;
}

// Store helper: barrier, then the store.
template <class T>
inline void store_ref(void* obj, T** field, T* value) {
  write_barrier(obj, field, value);
  *field = value;
}

// Shorthands on the current heap.
inline void* allocate(LayoutId layout, size_t bytes) { return Heap::current()->allocate(layout, bytes); }
inline void collect() { Heap::current()->collect(); }
inline void set_stress(bool on, uint32_t interval = 1) { Heap::current()->set_stress(on, interval); }
inline void add_root(void** slot) { Heap::current()->add_root(slot); }
inline void remove_root(void** slot) { Heap::current()->remove_root(slot); }
inline size_t run_pending_finalizers() { return Heap::current()->run_pending_finalizers(); }

template <class F>
void Heap::for_each_object(F&& f) {
  publish_regions();
  for (Block* b : blocks_.in_use()) {
    for (size_t w = 0; w < kBitmapWords; w++) {
      uint64_t bits = b->starts[w];
      while (bits) {
        size_t g = w * 64 + size_t(__builtin_ctzll(bits));
        bits &= bits - 1;
        auto* obj = reinterpret_cast<Header*>(b->base() + (g << kGranuleShift));
        f(static_cast<void*>(obj), header_small_size(obj));
      }
    }
  }
  large_.for_each([&](uintptr_t obj, size_t size) { f(reinterpret_cast<void*>(obj), size); });
}

}  // namespace pyrite::gc
