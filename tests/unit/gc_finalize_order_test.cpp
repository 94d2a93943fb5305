// Finalizer ordering (docs/gc.md, "Finalizer ordering"): of the objects one
// collection finds unreachable, an object's finalizer runs before those of
// the objects it reaches (directly or through objects without finalizers),
// unless they are in a cycle; unrelated objects run newest first; nothing
// they reach is freed before the hooks have run.
#include <gtest/gtest.h>

#include "gc_test_support.h"

namespace pyrite::gc::testing {
namespace {

class GcFinalizeOrder : public ::testing::Test {
 protected:
  void SetUp() override {
    g_finalized.clear();
    g_resurrect = false;
    g_resurrect_slot = nullptr;
    clobber_stack();
  }
  Heap heap_;
};

Fin* new_fin(Heap& heap, int64_t id, void* ref) {
  auto* f = static_cast<Fin*>(heap.allocate(fin_layout(), sizeof(Fin)));
  f->id = id;
  f->ref = ref;
  heap.register_finalizer(f);
  return f;
}

// Collects, checks the number queued, runs the hooks.
void collect_and_run(Heap& heap, size_t expect_queued) {
  collect_clean(heap);
  EXPECT_EQ(heap.pending_finalizers(), expect_queued);
  EXPECT_EQ(heap.run_pending_finalizers(), expect_queued);
}

TEST_F(GcFinalizeOrder, HolderBeforeHeldWhateverTheAge) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  // The holder newer than what it holds.
  PYR_GC_DEEP(({ new_fin(heap_, 1, new_fin(heap_, 2, nullptr)); 0; }));
  collect_and_run(heap_, 2);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{1, 2}));
  g_finalized.clear();
  // The holder older (reverse registration order alone would get this wrong).
  PYR_GC_DEEP(({
    Fin* outer = new_fin(heap_, 1, nullptr);
    outer->ref = new_fin(heap_, 2, nullptr);
    0;
  }));
  collect_and_run(heap_, 2);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{1, 2}));
}

TEST_F(GcFinalizeOrder, LongChainsFromTheHead) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  constexpr int kN = 1000;
  std::vector<int64_t> expected;
  for (int i = 0; i < kN; i++) expected.push_back(i);
  // Each node newer than the one it holds: 0 -> 1 -> ... -> kN-1.
  PYR_GC_DEEP(({
    Fin* next = nullptr;
    for (int i = kN - 1; i >= 0; i--) next = new_fin(heap_, i, next);
    0;
  }));
  collect_and_run(heap_, kN);
  EXPECT_EQ(g_finalized, expected);
  g_finalized.clear();
  // Each node older than the one it holds.
  PYR_GC_DEEP(({
    Fin* prev = nullptr;
    for (int i = 0; i < kN; i++) {
      Fin* f = new_fin(heap_, i, nullptr);
      if (prev) prev->ref = f;
      prev = f;
    }
    0;
  }));
  collect_and_run(heap_, kN);
  EXPECT_EQ(g_finalized, expected);
}

TEST_F(GcFinalizeOrder, ThroughObjectsWithoutFinalizers) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  // 1 -> Node -> Array [2, 3, 4]: 1 first, then the items last to first
  // (reference counting drops a list's items from the end).
  PYR_GC_DEEP(({
    Array* items = new_array(heap_, 3);
    for (int i = 0; i < 3; i++) items->items[i] = new_fin(heap_, 2 + i, nullptr);
    Node* n = new_node(heap_, 0, reinterpret_cast<Node*>(items));
    new_fin(heap_, 1, n);
    0;
  }));
  collect_and_run(heap_, 4);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{1, 4, 3, 2}));
}

TEST_F(GcFinalizeOrder, UnrelatedObjectsNewestFirst) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  PYR_GC_DEEP(({
    for (int i = 0; i < 5; i++) new_fin(heap_, i, nullptr);
    0;
  }));
  collect_and_run(heap_, 5);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{4, 3, 2, 1, 0}));
}

TEST_F(GcFinalizeOrder, CycleRunsBeforeWhatItHolds) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  // leaf (oldest) <- a <-> b, with a holder 9 of the cycle, newest.
  PYR_GC_DEEP(({
    Fin* leaf = new_fin(heap_, 3, nullptr);
    Node* both = new_node(heap_, 0);
    Fin* a = new_fin(heap_, 1, both);
    Fin* b = new_fin(heap_, 2, a);
    both->a = reinterpret_cast<Node*>(b);
    both->b = reinterpret_cast<Node*>(leaf);
    new_fin(heap_, 9, b);
    0;
  }));
  collect_and_run(heap_, 4);
  ASSERT_EQ(g_finalized.size(), 4u);
  EXPECT_EQ(g_finalized[0], 9);
  EXPECT_EQ(g_finalized[1] + g_finalized[2], 3);  // the cycle, in either order
  EXPECT_EQ(g_finalized[3], 3);
}

TEST_F(GcFinalizeOrder, NothingReachableFreedBeforeTheHooksRun) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  uintptr_t inner = 0, plain = 0;
  PYR_GC_DEEP(({
    Node* n = new_node(heap_, 7);
    Fin* in = new_fin(heap_, 2, n);
    new_fin(heap_, 1, in);
    inner = hide(in);
    plain = hide(n);
    0;
  }));
  collect_clean(heap_);
  EXPECT_EQ(heap_.pending_finalizers(), 2u);
  // A collection between queueing and running keeps all of it.
  collect_clean(heap_);
  EXPECT_FALSE(is_freed(heap_, inner));
  EXPECT_FALSE(is_freed(heap_, plain));
  EXPECT_EQ(heap_.pending_finalizers(), 2u);
  EXPECT_EQ(heap_.run_pending_finalizers(), 2u);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{1, 2}));
  collect_clean(heap_);
  EXPECT_TRUE(is_freed(heap_, inner));
  EXPECT_TRUE(is_freed(heap_, plain));
  EXPECT_EQ(heap_.pending_finalizers(), 0u);
}

TEST_F(GcFinalizeOrder, ReachableRegistrationsUntouched) {
  PYR_GC_SCAN_FROM_HERE(heap_);
  void* live = nullptr;
  heap_.add_root(&live);
  // A dead finalizable object holding a live one: only the dead one runs.
  PYR_GC_DEEP(({
    live = new_fin(heap_, 5, nullptr);
    new_fin(heap_, 6, live);
    0;
  }));
  collect_and_run(heap_, 1);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{6}));
  live = nullptr;
  collect_and_run(heap_, 1);
  EXPECT_EQ(g_finalized, (std::vector<int64_t>{6, 5}));
  heap_.remove_root(&live);
}

}  // namespace
}  // namespace pyrite::gc::testing
