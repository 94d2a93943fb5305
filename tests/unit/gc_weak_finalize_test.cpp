// Weak slots and finalizers: clearing, callbacks, resurrection, at most one
// finalization per object (docs/gc.md).
#include <gtest/gtest.h>

#include "gc_test_support.h"

namespace pyrite::gc::testing {
namespace {

class GcWeakFinalize : public ::testing::Test {
 protected:
  void SetUp() override {
    g_finalized.clear();
    g_weak_cleared.clear();
    g_resurrect = false;
    g_resurrect_slot = nullptr;
    clobber_stack();  // stale pointers from earlier tests (see gc_test_support.h)
  }
  void TearDown() override {
    g_resurrect_slot = nullptr;
    g_resurrect = false;
  }
  Heap heap_;
};

__attribute__((noinline)) uintptr_t make_node(Heap& heap, uint64_t value) {
  return hide(new_node(heap, value));
}

__attribute__((noinline)) uintptr_t make_fin(Heap& heap, int64_t id, void* ref) {
  auto* f = static_cast<Fin*>(heap.allocate(fin_layout(), sizeof(Fin)));
  f->id = id;
  f->ref = ref;
  heap.register_finalizer(f);
  return hide(f);
}

void* g_weak_slot = nullptr;

__attribute__((noinline)) void register_weak(Heap& heap, void** slot, uintptr_t hidden_target) {
  *slot = reveal(hidden_target);
  heap.add_weak(slot, nullptr);
}

TEST_F(GcWeakFinalize, WeakSlotClearedWhenTargetDies) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  PYR_GC_DEEP(register_weak(heap_, &g_weak_slot, make_node(heap_, 5)));
  collect_clean(heap_);
  EXPECT_EQ(g_weak_slot, nullptr);
  EXPECT_EQ(heap_.stats().weak_slots_cleared, 1u);
}

TEST_F(GcWeakFinalize, WeakSlotKeptWhileTargetLives) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  Node* strong = new_node(heap_, 6);
  g_weak_slot = strong;
  heap_.add_weak(&g_weak_slot, nullptr);
  collect_clean(heap_);
  EXPECT_EQ(g_weak_slot, strong);
  EXPECT_TRUE(header_has(&strong->header, kFlagHasWeakRefs));
  heap_.remove_weak(&g_weak_slot);
  g_weak_slot = nullptr;
}

__attribute__((noinline)) WeakBox* make_box(Heap& heap, int64_t id, void* target) {
  auto* box = static_cast<WeakBox*>(heap.allocate(weakbox_layout(), sizeof(WeakBox)));
  box->id = id;
  box->target = target;
  heap.add_weak(&box->target, box, /*notify=*/true);
  return box;
}

TEST_F(GcWeakFinalize, WeakCallbackQueuedForLiveOwner) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  WeakBox* box = PYR_GC_DEEP(make_box(heap_, 1, reveal(make_node(heap_, 7))));
  Node* live_target = new_node(heap_, 8);
  WeakBox* other = make_box(heap_, 2, live_target);
  collect_clean(heap_);
  EXPECT_EQ(box->target, nullptr);
  EXPECT_EQ(other->target, live_target);
  EXPECT_EQ(heap_.pending_weak_callbacks(), 1u);
  EXPECT_TRUE(g_weak_cleared.empty());  // hooks never run inside a collection
  EXPECT_EQ(heap_.run_pending_weak_callbacks(), 1u);
  ASSERT_EQ(g_weak_cleared.size(), 1u);
  EXPECT_EQ(g_weak_cleared[0].first, box);
  EXPECT_EQ(g_weak_cleared[0].second, &box->target);
  EXPECT_EQ(heap_.verify(), 0u);
}

__attribute__((noinline)) uintptr_t make_dead_box_with_live_target(Heap& heap, Node* target) {
  return hide(make_box(heap, 3, target));
}

TEST_F(GcWeakFinalize, DeadOwnerDropsRegistration) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  Node* target = new_node(heap_, 9);
  uintptr_t box = PYR_GC_DEEP(make_dead_box_with_live_target(heap_, target));
  collect_clean(heap_);
  EXPECT_TRUE(is_freed(heap_, box));
  // The box's memory is reused; the registry must not write into it.
  for (int i = 0; i < 1000; i++) new_node(heap_, 100 + i);
  EXPECT_EQ(heap_.verify(), 0u);
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_weak_callbacks(), 0u);
  EXPECT_EQ(target->value, 9u);
}

uint64_t node_value(uintptr_t hidden) {
  return deep([&] { return static_cast<Node*>(reveal(hidden))->value; });
}

TEST_F(GcWeakFinalize, FinalizerRunsOnceWithResurrection) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  uintptr_t child = PYR_GC_DEEP(make_node(heap_, 42));
  uintptr_t fin = PYR_GC_DEEP(make_fin(heap_, 1, reveal(child)));
  collect_clean(heap_);
  // Unreachable but resurrected for its finalizer, with what it references.
  EXPECT_FALSE(is_freed(heap_, fin));
  EXPECT_FALSE(is_freed(heap_, child));
  EXPECT_EQ(node_value(child), 42u);
  EXPECT_EQ(heap_.pending_finalizers(), 1u);
  EXPECT_TRUE(g_finalized.empty());
  // The hook stores its object in a global: resurrected for good.
  g_resurrect = true;
  heap_.add_root(&g_resurrect_slot);
  EXPECT_EQ(heap_.run_pending_finalizers(), 1u);
  EXPECT_EQ(g_finalized, std::vector<int64_t>{1});
  EXPECT_EQ(hidden_at(&g_resurrect_slot), fin);
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_finalizers(), 0u);
  EXPECT_FALSE(is_freed(heap_, fin));
  // Unreachable again: freed without a second finalization.
  heap_.remove_root(&g_resurrect_slot);
  g_resurrect_slot = nullptr;
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_finalizers(), 0u);
  EXPECT_EQ(heap_.run_pending_finalizers(), 0u);
  EXPECT_TRUE(is_freed(heap_, fin));
  EXPECT_TRUE(is_freed(heap_, child));
  EXPECT_EQ(g_finalized.size(), 1u);
  EXPECT_EQ(heap_.stats().finalizers_run, 1u);
}

void* g_live_fin = nullptr;

TEST_F(GcWeakFinalize, FinalizerOfLiveObjectDoesNotRun) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  // Kept by a precise root rather than a local: a stale copy of a local in
  // a later test's frame could alias that test's objects (same addresses
  // after the heap is recreated).
  heap_.add_root(&g_live_fin);
  g_live_fin = reveal(PYR_GC_DEEP(make_fin(heap_, 5, nullptr)));
  collect_clean(heap_);
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_finalizers(), 0u);
  EXPECT_EQ(static_cast<Fin*>(g_live_fin)->id, 5);
  heap_.remove_root(&g_live_fin);
  g_live_fin = nullptr;
}

__attribute__((noinline)) uintptr_t make_fin_cycle(Heap& heap) {
  Fin* a = static_cast<Fin*>(reveal(make_fin(heap, 10, nullptr)));
  Fin* b = static_cast<Fin*>(reveal(make_fin(heap, 11, a)));
  a->ref = b;
  return hide(a);
}

TEST_F(GcWeakFinalize, CycleOfFinalizableObjects) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  uintptr_t a = PYR_GC_DEEP(make_fin_cycle(heap_));
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_finalizers(), 2u);
  EXPECT_EQ(heap_.run_pending_finalizers(), 2u);
  collect_clean(heap_);
  EXPECT_TRUE(is_freed(heap_, a));
  ASSERT_EQ(g_finalized.size(), 2u);
  EXPECT_EQ(g_finalized[0] + g_finalized[1], 21);
}

TEST_F(GcWeakFinalize, WeakSlotToFinalizableClearedBeforeHook) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  uintptr_t fin = PYR_GC_DEEP(make_fin(heap_, 20, nullptr));
  PYR_GC_DEEP(register_weak(heap_, &g_weak_slot, fin));
  collect_clean(heap_);
  EXPECT_EQ(g_weak_slot, nullptr);         // cleared, as CPython does...
  EXPECT_FALSE(is_freed(heap_, fin));      // ...though the object survives for its hook
  EXPECT_EQ(heap_.run_pending_finalizers(), 1u);
  collect_clean(heap_);
  EXPECT_TRUE(is_freed(heap_, fin));
}

TEST_F(GcWeakFinalize, FinalizerMayAllocateAndCollect) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  static Heap* heap;
  heap = &heap_;
  static LayoutId busy = register_layout({.name = "BusyFin",
                                          .trace = trace_fin,
                                          .fixed_size = sizeof(Fin),
                                          .finalize = [](void* obj) {
                                            for (int i = 0; i < 100; i++) new_node(*heap, i);
                                            heap->collect();
                                            g_finalized.push_back(static_cast<Fin*>(obj)->id);
                                          }});
  deep([&] {
    for (int i = 0; i < 10; i++) {
      auto* f = static_cast<Fin*>(heap_.allocate(busy, sizeof(Fin)));
      f->id = i;
      heap_.register_finalizer(f);
    }
  });
  collect_clean(heap_);
  heap_.run_pending_finalizers();
  EXPECT_EQ(g_finalized.size(), 10u);
  EXPECT_EQ(heap_.verify(), 0u);
}

// While a hook runs, the hooks queued meanwhile (by a collection in the
// hook, or before) are not "pending" for the language's safe points and a
// nested run returns 0; the outer run takes them (docs/gc.md, contract 8).
TEST_F(GcWeakFinalize, HooksQueuedDuringAHookRunAfterIt) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  static Heap* heap;
  static std::vector<bool> pending_seen, running_seen;
  static std::vector<size_t> nested_ran;
  heap = &heap_;
  pending_seen.clear();
  running_seen.clear();
  nested_ran.clear();
  static LayoutId nesting = register_layout({.name = "NestingFin",
                                             .trace = trace_fin,
                                             .fixed_size = sizeof(Fin),
                                             .finalize = [](void* obj) {
                                               heap->collect();
                                               pending_seen.push_back(heap->hooks_pending());
                                               running_seen.push_back(heap->running_hooks());
                                               nested_ran.push_back(heap->run_pending_finalizers());
                                               g_finalized.push_back(static_cast<Fin*>(obj)->id);
                                             }});
  deep([&] {
    for (int i = 0; i < 3; i++) {
      auto* f = static_cast<Fin*>(heap_.allocate(nesting, sizeof(Fin)));
      f->id = i;
      heap_.register_finalizer(f);
    }
  });
  collect_clean(heap_);
  EXPECT_TRUE(heap_.hooks_pending());
  EXPECT_FALSE(heap_.running_hooks());
  EXPECT_EQ(heap_.run_pending_finalizers(), 3u);
  EXPECT_EQ(g_finalized.size(), 3u);
  EXPECT_EQ(pending_seen, std::vector<bool>(3, false));
  EXPECT_EQ(running_seen, std::vector<bool>(3, true));
  EXPECT_EQ(nested_ran, std::vector<size_t>(3, 0));
  EXPECT_FALSE(heap_.hooks_pending());
  EXPECT_FALSE(heap_.running_hooks());
}

// A layout's needs_finalize hook declining (Python: a generator that
// finished since it registered): the object is neither queued nor
// resurrected, and what it references is freed by the same collection; one
// that accepts is finalized as usual (docs/gc.md, contract 9).
TEST_F(GcWeakFinalize, NeedsFinalizeDecliningFreesAtOnce) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  static LayoutId choosy = register_layout({.name = "ChoosyFin",
                                            .trace = trace_fin,
                                            .fixed_size = sizeof(Fin),
                                            .finalize = [](void* obj) {
                                              g_finalized.push_back(static_cast<Fin*>(obj)->id);
                                            },
                                            .needs_finalize = [](void* obj) {
                                              return static_cast<Fin*>(obj)->id % 2 == 0;
                                            }});
  static uintptr_t hidden[4], children[4];
  deep([&] {
    for (int i = 0; i < 4; i++) {
      auto* f = static_cast<Fin*>(heap_.allocate(choosy, sizeof(Fin)));
      f->id = i;
      f->ref = new_node(heap_, uint64_t(i));
      heap_.register_finalizer(f);
      hidden[i] = hide(f);
      children[i] = hide(f->ref);
    }
  });
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_finalizers(), 2u);
  for (int i : {1, 3}) {
    EXPECT_TRUE(is_freed(heap_, hidden[i]));
    EXPECT_TRUE(is_freed(heap_, children[i]));
  }
  for (int i : {0, 2}) EXPECT_FALSE(is_freed(heap_, children[i]));
  EXPECT_EQ(heap_.run_pending_finalizers(), 2u);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{2, 0}));  // newest first
  collect_clean(heap_);
  for (int i : {0, 2}) EXPECT_TRUE(is_freed(heap_, hidden[i]));
  EXPECT_EQ(heap_.verify(), 0u);
}

}  // namespace
}  // namespace pyrite::gc::testing
