// Allocation: the bump fast path, hole reuse, medium and large objects,
// memory limits and bounded memory under churn (docs/gc.md).
#include <gtest/gtest.h>

#include <set>

#include "gc/block.h"
#include "gc_test_support.h"

namespace pyrite::gc::testing {
namespace {

TEST(GcAlloc, FastPathBumpsAndZeroes) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Node* first = new_node(heap, 1);
  Node* second = new_node(heap, 2);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(first) % 16, 0u);
  EXPECT_EQ(reinterpret_cast<char*>(second) - reinterpret_cast<char*>(first), 48);
  EXPECT_EQ(header_layout(&first->header), node_layout());
  EXPECT_EQ(header_small_size(&first->header), 48u);
  EXPECT_EQ(first->header.language_word, nullptr);
  EXPECT_EQ(heap.object_size(first), 48u);
  // Fields past the header start zeroed.
  auto* raw = static_cast<Node*>(heap.allocate(node_layout(), sizeof(Node)));
  EXPECT_EQ(raw->a, nullptr);
  EXPECT_EQ(raw->b, nullptr);
  EXPECT_EQ(raw->value, 0u);
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcAlloc, SizesRoundToGranules) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Blob* b = new_blob(heap, 9, 7);  // 33 bytes -> 48
  EXPECT_EQ(heap.object_size(b), 48u);
  Blob* c = new_blob(heap, 8, 0);  // 32 bytes
  EXPECT_EQ(heap.object_size(c), 32u);
  EXPECT_EQ(reinterpret_cast<char*>(c) - reinterpret_cast<char*>(b), 48);
  EXPECT_EQ(heap.verify(), 0u);
}

// Fills a few blocks with nodes and keeps every 16th (one in ~6 lines).
__attribute__((noinline)) Array* fill_and_keep_sparse(Heap& heap, size_t n, std::set<Block*>* blocks) {
  Array* keep = new_array(heap, n / 16);
  for (size_t i = 0; i < n; i++) {
    Node* node = new_node(heap, i);
    blocks->insert(Block::of(node));
    if (i % 16 == 0) keep->items[i / 16] = node;
  }
  return keep;
}

TEST(GcAlloc, FreedLinesAreReused) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  std::set<Block*> blocks;
  Array* keep = fill_and_keep_sparse(heap, 4000, &blocks);
  collect_clean(heap);
  size_t heap_after_gc = heap.stats().heap_bytes;
  // Every kept node survived; the lines between them are holes now.
  for (size_t i = 0; i < keep->length; i++)
    ASSERT_EQ(static_cast<Node*>(keep->items[i])->value, i * 16);
  size_t in_old_blocks = 0;
  for (int i = 0; i < 1500; i++) {
    Node* n = new_node(heap, 1000000 + i);
    in_old_blocks += blocks.count(Block::of(n));
  }
  EXPECT_EQ(in_old_blocks, 1500u);  // all fit into the recycled holes
  EXPECT_EQ(heap.stats().heap_bytes, heap_after_gc);
  for (size_t i = 0; i < keep->length; i++)
    ASSERT_EQ(static_cast<Node*>(keep->items[i])->value, i * 16);
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcAlloc, MediumObjectsDoNotWasteHoles) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  std::set<Block*> blocks;
  Array* keep = fill_and_keep_sparse(heap, 4000, &blocks);
  collect_clean(heap);
  // The holes are at most 5 lines; 1 KiB objects go to the overflow region
  // while the small ones keep filling the holes. (The arrays are on the
  // stack: a std::vector's buffer would not be scanned.)
  Node* nodes[300];
  Blob* blobs[300];
  for (int i = 0; i < 300; i++) {
    nodes[i] = new_node(heap, i);
    blobs[i] = new_blob(heap, 1000, uint8_t(i));
  }
  for (int i = 0; i < 300; i++) {
    EXPECT_EQ(blocks.count(Block::of(nodes[i])), 1u);
    EXPECT_EQ(blocks.count(Block::of(blobs[i])), 0u);
    ASSERT_EQ(nodes[i]->value, uint64_t(i));
    ASSERT_EQ(blobs[i]->bytes[999], uint8_t(i));
  }
  EXPECT_EQ(static_cast<Node*>(keep->items[3])->value, 48u);
  heap.collect();
  EXPECT_EQ(heap.verify(), 0u);
  EXPECT_EQ(blobs[299]->bytes[0], uint8_t(299));
  EXPECT_EQ(nodes[299]->value, 299u);
}

__attribute__((noinline)) uintptr_t make_large(Heap& heap, size_t n) {
  return hide(new_blob(heap, n, 0xab));
}

TEST(GcAlloc, LargeObjects) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  Blob* big = new_blob(heap, 100000, 0x11);
  ASSERT_NE(big, nullptr);
  EXPECT_TRUE(header_has(&big->header, kFlagLarge));
  EXPECT_EQ(heap.object_size(big), round_to_granule(Blob::size_for(100000)));
  EXPECT_EQ(heap.find_object(big->bytes + 50000), big);
  uintptr_t dropped[4];
  for (uintptr_t& d : dropped) d = PYR_GC_DEEP(make_large(heap, 200000));
  EXPECT_EQ(heap.stats().large_objects, 5u);
  collect_clean(heap);
  // A large object is a big target for stale stack words (any interior
  // pointer counts, and malloc reuses addresses other tests left on the
  // stack): in the full suite one of these was seen retained. Require all
  // but one to be freed.
  int freed = 0;
  for (uintptr_t d : dropped) freed += is_freed(heap, d);
  EXPECT_GE(freed, 3);
  EXPECT_LE(heap.stats().large_objects, 2u);
  EXPECT_EQ(big->bytes[99999], 0x11);
  EXPECT_EQ(heap.find_object(big), big);
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcAlloc, LargeObjectKeptByInteriorPointer) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  unsigned char* inside = new_blob(heap, 50000, 0x22)->bytes + 40000;
  collect_clean(heap);
  EXPECT_EQ(heap.stats().large_objects, 1u);
  EXPECT_EQ(inside[0], 0x22);
}

TEST(GcAlloc, HugeRequestFails) {
  Heap heap;
  PYR_GC_SCAN_FROM_HERE(heap);
  EXPECT_EQ(heap.allocate(blob_layout(), size_t(1) << 50), nullptr);
  EXPECT_EQ(heap.allocate(blob_layout(), ~size_t(0)), nullptr);
}

__attribute__((noinline)) size_t fill_until_full(Heap& heap, Array* keep) {
  for (size_t i = 0; i < keep->length; i++) {
    Blob* b = new_blob(heap, 2000, 1);
    if (b == nullptr) return i;
    keep->items[i] = b;
  }
  return keep->length;
}

TEST(GcAlloc, HeapLimitMakesAllocationFail) {
  Heap::Options options;
  options.heap_limit = 2 * 1024 * 1024;
  Heap heap(options);
  PYR_GC_SCAN_FROM_HERE(heap);
  Array* keep = new_array(heap, 10000);
  void* root = keep;
  heap.add_root(&root);
  size_t made = fill_until_full(heap, keep);
  EXPECT_LT(made, keep->length);
  EXPECT_GT(made, 500u);
  EXPECT_LE(heap.stats().heap_bytes, options.heap_limit);
  EXPECT_EQ(new_blob(heap, 100000, 1), nullptr);  // large objects respect it too
  // Dropping the references makes room again.
  for (size_t i = 0; i < keep->length; i++) keep->items[i] = nullptr;
  EXPECT_NE(new_blob(heap, 2000, 1), nullptr);
  EXPECT_NE(new_blob(heap, 100000, 1), nullptr);
  heap.remove_root(&root);
}

// Builds and drops lists, keeping one small list alive at a time.
__attribute__((noinline)) void churn(Heap& heap, int rounds) {
  Node* keep = nullptr;
  for (int r = 0; r < rounds; r++) {
    Node* list = nullptr;
    for (int i = 0; i < 100; i++) list = new_node(heap, i, list);
    new_blob(heap, (r % 40) * 100, 0);
    if (r % 50 == 0) new_blob(heap, 20000, 0);
    if (r % 7 == 0) keep = list;
  }
  ASSERT_EQ(keep->value, 99u);
}

TEST(GcAlloc, MemoryStaysBoundedUnderChurn) {
  Heap::Options options;
  options.min_trigger = 1024 * 1024;
  Heap heap(options);
  PYR_GC_SCAN_FROM_HERE(heap);
  churn(heap, 20000);  // ~150 MB allocated in total
  const Stats& s = heap.stats();
  EXPECT_GT(s.bytes_allocated, 100u * 1024 * 1024);
  EXPECT_GT(s.collections, 20u);
  EXPECT_LT(s.heap_bytes, 8u * 1024 * 1024);
  EXPECT_EQ(heap.verify(), 0u);
}

TEST(GcAlloc, CollectionsAreTriggeredByVolume) {
  Heap::Options options;
  options.min_trigger = 256 * 1024;
  Heap heap(options);
  PYR_GC_SCAN_FROM_HERE(heap);
  for (int i = 0; i < 100000; i++) new_node(heap, i);  // 4.8 MB
  EXPECT_GE(heap.stats().collections, 10u);
  EXPECT_LE(heap.stats().collections, 25u);
}

}  // namespace
}  // namespace pyrite::gc::testing
