// GC measurements quoted in docs/gc.md: allocation fast path, collection
// time per live object, and the visitor interface (inline buffer vs a
// virtual call per reference). Run: build/bench/pyrite-gc-bench
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "gc/heap.h"

using namespace pyrite::gc;

namespace {

struct Node {
  Header header;
  Node* a;
  Node* b;
  uint64_t value;
};

void trace_node(void* obj, Visitor& v) {
  auto* n = static_cast<Node*>(obj);
  v.visit(n->a);
  v.visit(n->b);
}

LayoutId node_layout() {
  static LayoutId id = register_layout({.name = "Node", .trace = trace_node, .fixed_size = sizeof(Node)});
  return id;
}

double now_ns() {
  return double(std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now().time_since_epoch())
                    .count());
}

__attribute__((noinline)) Node* alloc_loop(Heap& heap, size_t n) {
  Node* last = nullptr;
  LayoutId layout = node_layout();
  for (size_t i = 0; i < n; i++) {
    auto* node = static_cast<Node*>(heap.allocate(layout, sizeof(Node)));
    node->value = i;
    node->a = last;  // keeps the loop honest; the chain is dropped every 64
    last = (i & 63) ? node : nullptr;
  }
  return last;
}

__attribute__((noinline)) void malloc_loop(size_t n) {
  std::vector<Node*> ring(64, nullptr);
  for (size_t i = 0; i < n; i++) {
    Node*& slot = ring[i & 63];
    std::free(slot);
    slot = static_cast<Node*>(std::calloc(1, sizeof(Node)));
    slot->value = i;
  }
  for (Node* p : ring) std::free(p);
}

__attribute__((noinline)) Node* build_tree(Heap& heap, int depth) {
  if (depth == 0) return nullptr;
  Node* l = build_tree(heap, depth - 1);
  Node* r = build_tree(heap, depth - 1);
  auto* n = static_cast<Node*>(heap.allocate(node_layout(), sizeof(Node)));
  n->a = l;
  n->b = r;
  return n;
}

__attribute__((noinline)) Node* build_list(Heap& heap, size_t n) {
  Node* head = nullptr;
  for (size_t i = 0; i < n; i++) {
    auto* node = static_cast<Node*>(heap.allocate(node_layout(), sizeof(Node)));
    node->a = head;
    head = node;
  }
  return head;
}

// The alternative interface: one virtual call per reference.
struct VirtualVisitor {
  virtual void visit(void* ref) = 0;
};
struct Collecting final : VirtualVisitor {
  std::vector<void*> out;
  void visit(void* ref) override {
    if (ref) out.push_back(ref);
  }
};
__attribute__((noinline)) void trace_virtual(void* obj, VirtualVisitor& v) {
  auto* n = static_cast<Node*>(obj);
  v.visit(n->a);
  v.visit(n->b);
}
__attribute__((noinline)) void trace_buffer(void* obj, Visitor& v) {
  auto* n = static_cast<Node*>(obj);
  v.visit(n->a);
  v.visit(n->b);
}

}  // namespace

int main() {
  std::printf("%-52s %s\n", "measurement", "result");

  for (size_t trigger_mib : {4, 64}) {
    Heap::Options options;
    options.min_trigger = trigger_mib * 1024 * 1024;
    Heap heap(options);
    const size_t n = 50'000'000;
    alloc_loop(heap, 1'000'000);  // warm up: blocks mapped
    heap.collect();
    double t0 = now_ns();
    uint64_t pause0 = heap.stats().total_pause_ns;
    uint64_t gcs0 = heap.stats().collections;
    alloc_loop(heap, n);
    double total = now_ns() - t0;
    double pauses = double(heap.stats().total_pause_ns - pause0);
    char label[96];
    std::snprintf(label, sizeof label, "allocate 48-byte object (trigger %zu MiB), per object", trigger_mib);
    std::printf("%-52s %.2f ns\n", label, total / n);
    std::printf("%-52s %.2f ns\n", "  of which outside collections", (total - pauses) / n);
    std::printf("%-52s %llu\n", "  collections during the loop",
                (unsigned long long)(heap.stats().collections - gcs0));
  }
  {
    const size_t n = 50'000'000;
    double t0 = now_ns();
    malloc_loop(n);
    std::printf("%-52s %.2f ns\n", "calloc+free of 48 bytes (reference)", (now_ns() - t0) / n);
  }

  for (int depth : {16, 20}) {
    Heap::Options options;
    options.min_trigger = size_t(1) << 40;  // collect only when asked
    Heap heap(options);
    Node* root = build_tree(heap, depth);
    size_t objects = (size_t(1) << depth) - 1;
    heap.collect();
    double best = 1e30;
    for (int i = 0; i < 5; i++) {
      heap.collect();
      best = std::min(best, double(heap.stats().last_pause_ns));
    }
    char label[96];
    std::snprintf(label, sizeof label, "collect, binary tree of %zu live nodes", objects);
    std::printf("%-52s %.2f ms (%.1f ns/object)\n", label, best / 1e6, best / double(objects));
    asm volatile("" : : "r"(root) : "memory");
  }

  {
    Heap::Options options;
    options.min_trigger = size_t(1) << 40;
    Heap heap(options);
    const size_t objects = 1'000'000;
    Node* head = build_list(heap, objects);
    heap.collect();
    double best = 1e30;
    for (int i = 0; i < 5; i++) {
      heap.collect();
      best = std::min(best, double(heap.stats().last_pause_ns));
    }
    std::printf("%-52s %.2f ms (%.1f ns/object)\n", "collect, linked list of 1000000 live nodes",
                best / 1e6, best / double(objects));
    asm volatile("" : : "r"(head) : "memory");
  }

  {
    Heap::Options options;
    options.min_trigger = size_t(1) << 40;
    Heap heap(options);
    // 1M dead objects, 1000 live: the sweep is per block, not per object.
    build_list(heap, 1'000'000);
    Node* live = build_list(heap, 1000);
    heap.collect();
    std::printf("%-52s %.2f ms\n", "collect, 1000 live + 1000000 dead nodes",
                double(heap.stats().last_pause_ns) / 1e6);
    asm volatile("" : : "r"(live) : "memory");
  }

  {
    Heap::Options options;
    options.min_trigger = size_t(1) << 40;
    Heap heap(options);
    Node* list = build_list(heap, 1'000'000);
    std::vector<Node*> nodes;
    for (Node* n = list; n; n = n->a) nodes.push_back(n);
    // As the marker uses it: trace one object, consume what it reported.
    const int rounds = 20;
    Visitor buffer;
    size_t sink = 0;
    double t0 = now_ns();
    for (int r = 0; r < rounds; r++) {
      for (Node* n : nodes) {
        trace_buffer(n, buffer);
        sink += buffer.size();
        buffer.clear();
      }
    }
    double t_buffer = (now_ns() - t0) / double(rounds * nodes.size());
    Collecting virt;
    virt.out.reserve(16);
    t0 = now_ns();
    for (int r = 0; r < rounds; r++) {
      for (Node* n : nodes) {
        trace_virtual(n, virt);
        sink += virt.out.size();
        virt.out.clear();
      }
    }
    double t_virtual = (now_ns() - t0) / double(rounds * nodes.size());
    std::printf("%-52s %.2f ns\n", "trace hook, inline buffer visitor, per object", t_buffer);
    std::printf("%-52s %.2f ns\n", "trace hook, virtual visit() per ref, per object", t_virtual);
    asm volatile("" : : "r"(sink) : "memory");
    asm volatile("" : : "r"(list) : "memory");
  }
  return 0;
}
