// What keeps objects alive: stack words (conservative, interior too),
// precise roots and callbacks, references between objects; and that
// unreachable objects and cycles are freed (docs/gc.md).
#include <gtest/gtest.h>

#include "gc_test_support.h"

namespace pyrite::gc::testing {
namespace {

__attribute__((noinline)) uintptr_t make_chain(Heap& heap, int n) {
  Node* head = nullptr;
  for (int i = 0; i < n; i++) head = new_node(heap, i, head);
  return hide(head);
}

__attribute__((noinline)) uintptr_t make_cycle(Heap& heap, int n) {
  Node* first = new_node(heap, 0);
  Node* last = first;
  for (int i = 1; i < n; i++) last = new_node(heap, i, last);
  first->a = last;
  return hide(first);
}

int chain_length(const Node* n) {
  int len = 0;
  for (; n; n = n->a) len++;
  return len;
}

TEST(GcRoots, StackVariableKeepsObjectAlive) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Node* head = static_cast<Node*>(reveal(make_chain(heap, 1000)));
  collect_clean(heap);
  EXPECT_EQ(heap.find_object(head), head);
  EXPECT_EQ(chain_length(head), 1000);
  EXPECT_EQ(head->value, 999u);
  EXPECT_GE(heap.stats().objects_live, 1000u);
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcRoots, InteriorPointerKeepsObjectAlive) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  uintptr_t hidden = make_chain(heap, 10);
  // Only a pointer to the payload is left on the stack.
  uint64_t* value = &static_cast<Node*>(reveal(hidden))->value;
  collect_clean(heap);
  EXPECT_FALSE(is_freed(heap, hidden));
  EXPECT_EQ(*value, 9u);
  EXPECT_EQ(heap.find_object(value), reveal(hidden));
  EXPECT_EQ(chain_length(static_cast<Node*>(reveal(hidden))), 10);
}

TEST(GcRoots, UnreachableObjectsAreFreed) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  uintptr_t chain = PYR_GC_DEEP(make_chain(heap, 500));
  uintptr_t cycle = PYR_GC_DEEP(make_cycle(heap, 500));
  collect_clean(heap);
  EXPECT_TRUE(is_freed(heap, chain));
  EXPECT_TRUE(is_freed(heap, cycle));
  EXPECT_LT(heap.stats().objects_live, 10u);
  EXPECT_GE(heap.stats().bytes_freed, 1000u * sizeof(Node));
}

TEST(GcRoots, SelfCycleIsFreed) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  uintptr_t one = PYR_GC_DEEP(make_cycle(heap, 1));
  collect_clean(heap);
  EXPECT_TRUE(is_freed(heap, one));
}

void* g_root = nullptr;

int chain_length_at(void* const* slot) {
  return deep([&] { return chain_length(static_cast<Node*>(*slot)); });
}

__attribute__((noinline)) void store_chain(Heap& heap, void** slot, int n) {
  *slot = reveal(make_chain(heap, n));
}

TEST(GcRoots, PreciseRootKeepsObjectAlive) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  PYR_GC_DEEP(store_chain(heap, &g_root, 100));
  uintptr_t hidden = hidden_at(&g_root);
  heap.add_root(&g_root);
  collect_clean(heap);
  EXPECT_FALSE(is_freed(heap, hidden));
  EXPECT_EQ(chain_length_at(&g_root), 100);
  heap.remove_root(&g_root);
  collect_clean(heap);
  EXPECT_TRUE(is_freed(heap, hidden));
  g_root = nullptr;
}

struct RootTable {
  void* slots[4];
};

void report_table(Visitor& v, void* data) {
  for (void* p : static_cast<RootTable*>(data)->slots) v.visit(p);
}

TEST(GcRoots, RootCallbackKeepsObjectsAlive) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  static RootTable table;  // not on the stack, so not scanned
  for (int i = 0; i < 4; i++) PYR_GC_DEEP(store_chain(heap, &table.slots[i], 10 + i));
  uintptr_t hidden = hidden_at(&table.slots[2]);
  heap.add_root_callback(report_table, &table);
  collect_clean(heap);
  for (int i = 0; i < 4; i++) EXPECT_EQ(chain_length_at(&table.slots[i]), 10 + i);
  heap.remove_root_callback(report_table, &table);
  collect_clean(heap);
  EXPECT_TRUE(is_freed(heap, hidden));
}

__attribute__((noinline)) uintptr_t make_tree(Heap& heap, int depth) {
  if (depth == 0) return hide(new_node(heap, 1));
  Node* left = static_cast<Node*>(reveal(make_tree(heap, depth - 1)));
  Node* right = static_cast<Node*>(reveal(make_tree(heap, depth - 1)));
  return hide(new_node(heap, left->value + right->value + 1, left, right));
}

uint64_t count_tree(const Node* n) { return n ? 1 + count_tree(n->a) + count_tree(n->b) : 0; }

TEST(GcRoots, ObjectGraphIsTracedPrecisely) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Array* root = new_array(heap, 3);
  root->items[0] = reveal(make_tree(heap, 12));  // 8191 nodes
  root->items[1] = new_blob(heap, 20000, 3);     // large, referenced from a small object
  uintptr_t dropped = PYR_GC_DEEP(make_tree(heap, 8));
  collect_clean(heap);
  auto* tree = static_cast<Node*>(root->items[0]);
  EXPECT_EQ(count_tree(tree), 8191u);
  EXPECT_EQ(tree->value, 8191u);
  EXPECT_EQ(static_cast<Blob*>(root->items[1])->bytes[19999], 3);
  EXPECT_TRUE(is_freed(heap, dropped));
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcRoots, ReferencesFromLargeObjects) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Array* big = new_array(heap, 5000);  // 40 KB: large space
  ASSERT_TRUE(header_has(&big->header, kFlagLarge));
  for (size_t i = 0; i < big->length; i++) big->items[i] = reveal(make_chain(heap, 2));
  collect_clean(heap);
  for (size_t i = 0; i < big->length; i++)
    ASSERT_EQ(chain_length(static_cast<Node*>(big->items[i])), 2);
  EXPECT_EQ(heap.verify(), 0u);
}

// A frame below the one given to collect_from holds the only copy of
// `hidden`'s pointer, as a stale word: the explicit collection skips it.
__attribute__((noinline)) void collect_from_below(Heap& heap, uintptr_t hidden, uintptr_t scan_from,
                                                  const uintptr_t* extra, size_t count) {
  volatile uintptr_t stale = reinterpret_cast<uintptr_t>(reveal(hidden));
  heap.collect_from(scan_from, extra, count);
  asm volatile("" : : "r"(&stale) : "memory");
}

TEST(GcRoots, CollectFromSkipsTheFramesBelow) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  uintptr_t stale = PYR_GC_DEEP(make_chain(heap, 3));
  uintptr_t in_extra = PYR_GC_DEEP(make_chain(heap, 4));
  uintptr_t kept = PYR_GC_DEEP(make_chain(heap, 5));
  // Above scan_from: still scanned conservatively.
  volatile uintptr_t kept_word = reinterpret_cast<uintptr_t>(reveal(kept));
  uintptr_t extra[2] = {0, 0};
  deep([&] { extra[1] = reinterpret_cast<uintptr_t>(reveal(in_extra)); });
  uintptr_t scan_from = reinterpret_cast<uintptr_t>(&kept_word);
  deep([&] { collect_from_below(heap, stale, scan_from, extra, 2); });
  EXPECT_TRUE(is_freed(heap, stale));
  EXPECT_FALSE(is_freed(heap, in_extra));
  EXPECT_FALSE(is_freed(heap, kept));
  EXPECT_EQ(chain_length(static_cast<Node*>(reveal(in_extra))), 4);
  EXPECT_EQ(chain_length(reinterpret_cast<Node*>(kept_word)), 5);
  // An ordinary collection after it scans from its own frame again.
  collect_clean(heap);
  EXPECT_FALSE(is_freed(heap, kept));
  EXPECT_EQ(heap.verify(), 0u);
  extra[1] = 0;
}

}  // namespace
}  // namespace pyrite::gc::testing

namespace pyrite::gc::testing {
namespace {

__attribute__((noinline)) uintptr_t make_dead_pair(Heap& heap, Node* keep) {
  new_node(heap, 1, keep);
  return hide(new_node(heap, 2));
}

TEST(GcHeap, StatsObjectWalkAndPoisoning) {
  Heap::Options options;
  options.poison_freed = true;
  Heap heap(options);
  PYR_GC_SCAN_FROM_HERE(heap);
  Node* keep = new_node(heap, 7, new_node(heap, 8));
  uintptr_t dead = PYR_GC_DEEP(make_dead_pair(heap, keep));
  size_t objects = 0, bytes = 0;
  heap.for_each_object([&](void* obj, size_t size) {
    objects++;
    bytes += size;
  });
  EXPECT_EQ(objects, 4u);
  EXPECT_EQ(bytes, 4 * 48u);
  collect_clean(heap);
  const Stats& s = heap.stats();
  EXPECT_EQ(s.collections, 1u);
  EXPECT_EQ(s.objects_live, 2u);
  EXPECT_EQ(s.bytes_live, 2 * 48u);
  EXPECT_EQ(s.bytes_allocated, 4 * 48u);
  EXPECT_EQ(s.bytes_freed, 2 * 48u);
  EXPECT_GT(s.last_pause_ns, 0u);
  EXPECT_EQ(s.heap_bytes, kBlockSize);
  objects = 0;
  heap.for_each_object([&](void*, size_t) { objects++; });
  EXPECT_EQ(objects, 2u);
  // The dead node's memory was filled with 0xdb (its block is not reused yet).
  EXPECT_TRUE(is_freed(heap, dead));
  EXPECT_EQ(hidden_at(reinterpret_cast<void* const*>(reveal(dead)) + 3),
            hide(reinterpret_cast<void*>(uintptr_t(0xdbdbdbdbdbdbdbdbull))));
  EXPECT_EQ(keep->a->value, 8u);
}

}  // namespace
}  // namespace pyrite::gc::testing
