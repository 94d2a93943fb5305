// Stress mode, the verifier, and a randomized mutator checked against a
// shadow model (docs/gc.md).
#include <gtest/gtest.h>

#include <random>
#include <unordered_set>

#include "gc_test_support.h"

namespace pyrite::gc::testing {
namespace {

TEST(GcStress, CollectsAtEveryAllocation) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  heap.set_stress(true);
  heap.set_verify_collections(true);
  Node* list = nullptr;
  for (int i = 0; i < 300; i++) {
    list = new_node(heap, i, list);
    if (i % 10 == 0) new_blob(heap, i * 40, uint8_t(i));  // small, medium and large
  }
  EXPECT_GE(heap.stats().collections, 330u);
  int i = 299;
  for (Node* n = list; n; n = n->a, i--) ASSERT_EQ(n->value, uint64_t(i));
  EXPECT_EQ(i, -1);
  heap.set_stress(false);
  uint64_t before = heap.stats().collections;
  new_node(heap, 0);
  EXPECT_EQ(heap.stats().collections, before);
}

TEST(GcVerify, AcceptsHealthyHeap) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Node* a = new_node(heap, 1, new_node(heap, 2));
  new_array(heap, 3)->items[1] = a;
  new_blob(heap, 30000, 1);
  std::string report;
  EXPECT_EQ(heap.verify(&report), 0u) << report;
}

TEST(GcVerify, CatchesCorruptedReference) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Node* b = new_node(heap, 2);
  Node* a = new_node(heap, 1, b);
  a->b = reinterpret_cast<Node*>(reinterpret_cast<char*>(b) + 16);  // not an object start
  std::string report;
  EXPECT_EQ(heap.verify(&report), 1u);
  EXPECT_NE(report.find("is not an allocated object"), std::string::npos) << report;
  EXPECT_NE(report.find("Node"), std::string::npos) << report;
  a->b = nullptr;
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcVerify, CatchesBadHeaders) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Node* n = new_node(heap, 1);
  uint64_t saved = n->header.gc_word;
  n->header.gc_word = make_gc_word(12345678, 48);
  std::string report;
  EXPECT_EQ(heap.verify(&report), 1u);
  EXPECT_NE(report.find("unknown layout"), std::string::npos) << report;
  n->header.gc_word = make_gc_word(node_layout(), 64);  // size disagrees with the layout
  report.clear();
  EXPECT_GE(heap.verify(&report), 1u);
  EXPECT_NE(report.find("layout says 40"), std::string::npos) << report;
  n->header.gc_word = saved;
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcVerify, CatchesDanglingRoot) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  static void* slot;
  slot = reinterpret_cast<void*>(uintptr_t(0x1230));
  heap.add_root(&slot);
  EXPECT_EQ(heap.verify(), 1u);
  heap.remove_root(&slot);
}

// A mutator doing random allocations and pointer stores over a rooted table,
// with small, medium and large objects. Every object carries a value derived
// from its id; after each collection every reachable object must still hold
// its own value, and blobs their fill byte.
struct Torture {
  explicit Torture(Heap& heap, uint32_t seed) : heap_(heap), rng_(seed) {
    table_ = new_array(heap, 64);
    root_ = table_;
    heap.add_root(&root_);
  }
  ~Torture() { heap_.remove_root(&root_); }

  void* make_object() {
    uint64_t id = next_id_++;
    switch (rng_() % 8) {
      case 0: {
        size_t n = rng_() % 3 == 0 ? 5000 + rng_() % 20000 : 100 + rng_() % 1500;
        Blob* b = new_blob(heap_, n, uint8_t(n));
        return b;
      }
      case 1:
        return new_array(heap_, rng_() % 40);
      default:
        return new_node(heap_, id * 4 + 1);
    }
  }

  void* random_existing() {
    void* from = table_->items[rng_() % table_->length];
    if (from && header_layout(static_cast<Header*>(from)) == node_layout() && rng_() % 2)
      return static_cast<Node*>(from)->a;
    return from;
  }

  void step() {
    void* obj = make_object();
    LayoutId layout = header_layout(static_cast<Header*>(obj));
    if (layout == node_layout()) {
      auto* n = static_cast<Node*>(obj);
      n->a = static_cast<Node*>(random_node());
      n->b = static_cast<Node*>(random_node());
    } else if (layout == array_layout()) {
      auto* a = static_cast<Array*>(obj);
      for (size_t i = 0; i < a->length; i++) a->items[i] = random_existing();
    }
    table_->items[rng_() % table_->length] = obj;
  }

  void* random_node() {
    void* p = random_existing();
    return p && header_layout(static_cast<Header*>(p)) == node_layout() ? p : nullptr;
  }

  // Walks everything reachable from the table and checks payloads.
  size_t check() {
    std::vector<void*> stack(table_->items, table_->items + table_->length);
    std::unordered_set<void*> seen;
    while (!stack.empty()) {
      void* p = stack.back();
      stack.pop_back();
      if (!p || !seen.insert(p).second) continue;
      EXPECT_EQ(heap_.find_object(p), p);
      LayoutId layout = header_layout(static_cast<Header*>(p));
      if (layout == node_layout()) {
        auto* n = static_cast<Node*>(p);
        EXPECT_EQ(n->value % 4, 1u) << "node payload clobbered";
        stack.push_back(n->a);
        stack.push_back(n->b);
      } else if (layout == array_layout()) {
        auto* a = static_cast<Array*>(p);
        stack.insert(stack.end(), a->items, a->items + a->length);
      } else {
        EXPECT_EQ(layout, blob_layout());
        auto* b = static_cast<Blob*>(p);
        EXPECT_EQ(b->bytes[0], uint8_t(b->length));
        EXPECT_EQ(b->bytes[b->length - 1], uint8_t(b->length));
      }
    }
    return seen.size();
  }

  Heap& heap_;
  std::mt19937 rng_;
  Array* table_;
  void* root_;
  uint64_t next_id_ = 0;
};

TEST(GcStress, RandomMutatorKeepsReachableObjectsIntact) {
  Heap::Options options;
  options.min_trigger = 512 * 1024;
  options.poison_freed = true;
  Heap heap(options);
  PYR_GC_SCAN_FROM_HERE(heap);
  Torture t(heap, 12345);
  for (int round = 0; round < 40; round++) {
    for (int i = 0; i < 2000; i++) t.step();
    t.check();
    std::string report;
    ASSERT_EQ(heap.verify(&report), 0u) << report;
  }
  EXPECT_GT(heap.stats().collections, 5u);
}

TEST(GcStress, RandomMutatorUnderStress) {
  Heap::Options options;
  options.stress = true;
  options.poison_freed = true;
  Heap heap(options);
  PYR_GC_SCAN_FROM_HERE(heap);
  Torture t(heap, 777);
  for (int i = 0; i < 1500; i++) t.step();
  t.check();
  EXPECT_EQ(heap.verify(), 0u);
}

}  // namespace
}  // namespace pyrite::gc::testing

namespace pyrite::gc::testing {
namespace {

void trace_allocating(void* obj, Visitor& v) {
  Heap::current()->allocate(node_layout(), sizeof(Node));  // forbidden
}

TEST(GcVerifyDeathTest, AllocationInsideTraceHookIsCaught) {
  static LayoutId bad = register_layout({.name = "Bad", .trace = trace_allocating, .fixed_size = 16});
  EXPECT_DEATH(
      {
        Heap heap;
        void* obj = heap.allocate(bad, 16);
        heap.collect();
        asm volatile("" : : "r"(obj) : "memory");
      },
      "allocation during a collection");
}

}  // namespace
}  // namespace pyrite::gc::testing
