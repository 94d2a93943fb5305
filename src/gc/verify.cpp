// The heap verifier (docs/gc.md): a whole-structure check for tests, debug
// runs and -X gc-stress with verification. It walks every allocated object
// and checks
//   * headers: a registered layout id, the large flag where it belongs, a
//     size that fits the block and matches the layout's size,
//   * placement: objects of a block in address order without overlap, no
//     marks left over outside a collection,
//   * references: everything the layout's trace reports, every root, weak
//     slot, and finalizer list entry is null or the start of an allocated
//     object.
#include <cstdarg>
#include <cstdio>

#include "gc/heap.h"

namespace pyrite::gc {

bool Heap::is_object_start(const void* p) const {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  if (a % kGranule != 0) return false;
  if (Block* b = blocks_.block_containing(a)) {
    size_t g = Block::granule_of(a);
    return g >= kFirstGranule && b->has_start(g);
  }
  return large_.contains_start(a);
}

namespace {

class Report {
 public:
  explicit Report(std::string* out) : out_(out) {}
  __attribute__((format(printf, 2, 3))) void add(const char* fmt, ...) {
    count_++;
    if (out_ == nullptr || count_ > kMaxLines) return;
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_->append(buf);
    out_->push_back('\n');
  }
  size_t count() const { return count_; }

 private:
  static constexpr size_t kMaxLines = 20;
  std::string* out_;
  size_t count_ = 0;
};

}  // namespace

size_t Heap::verify(std::string* out) {
  publish_regions();
  Report report(out);
  Visitor refs;
  auto layout_of = [&](const void* obj) -> const LayoutInfo* {
    LayoutId id = header_layout(static_cast<const Header*>(obj));
    const LayoutInfo* layout = find_layout(id);
    if (layout == nullptr) report.add("object %p: unknown layout id %u", obj, id);
    return layout;
  };
  auto check_size = [&](const void* obj, const LayoutInfo* layout, size_t size) {
    size_t expect = layout->fixed_size ? layout->fixed_size : layout->size(obj);
    if (round_to_granule(expect) != size)
      report.add("object %p (%s): allocated %zu bytes, layout says %zu", obj, layout->name, size,
                 expect);
  };
  auto check_ref = [&](const char* what, const void* from, const void* ref) {
    if (ref != nullptr && !is_object_start(ref))
      report.add("%s %p: reference %p is not an allocated object", what, from, ref);
  };
  auto check_refs = [&](void* obj, const LayoutInfo* layout) {
    if (layout->trace == nullptr) return;
    refs.clear();
    layout->trace(obj, refs);
    for (size_t i = 0; i < refs.size(); i++) check_ref(layout->name, obj, refs.at(i));
  };

  for (Block* b : blocks_.in_use()) {
    for (size_t w = 0; w < kBitmapWords; w++)
      if (!collecting_ && b->marks[w] != 0) report.add("block %p: mark bits outside a collection", b);
    uintptr_t prev_end = b->base() + (kFirstGranule << kGranuleShift);
    for (size_t w = 0; w < kBitmapWords; w++) {
      for (uint64_t bits = b->starts[w]; bits; bits &= bits - 1) {
        size_t g = w * 64 + size_t(__builtin_ctzll(bits));
        uintptr_t a = b->base() + (g << kGranuleShift);
        auto* obj = reinterpret_cast<Header*>(a);
        if (a < prev_end) {
          report.add("object %p overlaps the object before it (or the block's metadata)", obj);
          continue;
        }
        size_t size = header_small_size(obj);
        if (header_has(obj, kFlagLarge) || size == 0 || a + size > b->base() + kBlockSize) {
          report.add("object %p: bad header %#llx", obj, (unsigned long long)obj->gc_word);
          continue;
        }
        prev_end = a + size;
        const LayoutInfo* layout = layout_of(obj);
        if (layout == nullptr) continue;
        check_size(obj, layout, size);
        check_refs(obj, layout);
      }
    }
  }
  large_.for_each([&](uintptr_t a, size_t size) {
    auto* obj = reinterpret_cast<Header*>(a);
    LargeRecord* rec = LargeSpace::record_of(obj);
    if (!header_has(obj, kFlagLarge) || header_small_size(obj) != 0 || rec->size != size)
      report.add("large object %p: bad header %#llx or record", obj, (unsigned long long)obj->gc_word);
    if (!collecting_ && rec->marked) report.add("large object %p: marked outside a collection", obj);
    const LayoutInfo* layout = layout_of(obj);
    if (layout == nullptr) return;
    check_size(obj, layout, size);
    check_refs(obj, layout);
  });

  for (void** slot : roots_) check_ref("root slot", slot, *slot);
  for (const RootCallback& c : root_callbacks_) {
    refs.clear();
    c.fn(refs, c.data);
    for (size_t i = 0; i < refs.size(); i++) check_ref("root callback data", c.data, refs.at(i));
  }
  for (void* obj : finalizable_) {
    check_ref("finalizable list", nullptr, obj);
    if (is_object_start(obj) && !header_has(static_cast<Header*>(obj), kFlagFinalizable))
      report.add("finalizable object %p lacks its flag", obj);
  }
  for (void* obj : pending_finalize_) check_ref("finalizer queue", nullptr, obj);
  for (auto& [owner, slot] : pending_weak_) check_ref("weak callback queue", slot, owner);
  for (auto& [slot, entry] : weak_) {
    if (entry.owner != nullptr) check_ref("weak slot owner", slot, entry.owner);
    if (entry.owner == nullptr || is_object_start(entry.owner)) check_ref("weak slot", slot, *slot);
  }
  return report.count();
}

}  // namespace pyrite::gc
