// Snapshots: the interpreter state a guard resumes to (docs/jit.md, "Snapshots").
//
// Invariants:
//   - A snapshot is a chain of frames, outermost first. Each frame has a
//     language-defined kind (frame or continuation kind) and resume pc, the
//     number of slots the frame has, and a sparse list of entries
//     (slot -> Ref) sorted by slot, each slot at most once.
//   - Sparse means: a slot without an entry is, for the outermost frame,
//     whatever the interpreter's frame already holds (unchanged since the
//     trace was entered); for an inlined frame, dead. The language decides
//     which slots are worth listing (LuaJIT's rule: only modified slots).
//   - Entry Refs are values defined before the guard, constants of the
//     trace, or virtuals of this table (objects the optimizer removed; the
//     resumer allocates them lazily from their recipes).
//   - Frames and snapshots are interned: equal contents give equal ids, so
//     neighbouring guards with no side effect between them share one
//     snapshot, and an inlined call's unchanged caller frames are stored
//     once for every snapshot taken inside the callee (PyPy shares resume
//     data the same way; LuaJIT merges snapshots with no guard between).
//
// Storage (all in flat vectors of the table):
//
//   Snapshot  { first, count } ---> frame_ids_[first .. first+count)
//                                       |
//   Frame     { kind, pc, size, first_entry, num_entries }
//                                       |
//   Entry  64 bits:   63        48 47        32 31 30 29              0
//                    +------------+-----------+-----+-----------------+
//                    |    slot    |   flags   | tag |      index      |
//                    +------------+-----------+-----+-----------------+
//                                              \_______ Ref ________/
//   Virtual   { descr (size or array descr), first_field, num_fields }
//   VField    { descr (field descr) or kNoDescr + index (array item), Ref }
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "jit/ir/descr.h"
#include "jit/ir/ref.h"

namespace pyrite::jit::ir {

enum class SnapshotId : uint32_t {};
inline constexpr SnapshotId kNoSnapshot{0xFFFFFFFFu};

// Store frames (docs/jit_opt.md, "sink"): a frame of one of these kinds is
// no interpreter frame but a store the optimizer moved past the guard, to
// be done only if the guard fails. Its pc is the store's descr (a field or
// array descr), its size the store's operand count; slot 0 is the base,
// slot 1 the index (array items) and the last slot the value. Store frames
// follow the language's frames, in the order the stores happen. Whoever
// resolves an exit performs them and drops them from the exit's frames
// (ir::apply_exit_stores) before the language sees it; a bridge starts by
// doing them (its guard jumps straight into it).
inline constexpr uint32_t kStoreFrameRaw = 0xFFFFFFFFu;
inline constexpr uint32_t kStoreFrameGc = 0xFFFFFFFEu;
inline constexpr bool is_store_frame(uint32_t kind) { return kind >= kStoreFrameGc; }

struct SnapEntry {
  uint16_t slot;
  uint16_t flags;  // reserved for the resumer (e.g. "no restore"); 0 today
  Ref ref;
  bool operator==(const SnapEntry&) const = default;
};
static_assert(sizeof(SnapEntry) == 8);

struct SnapFrame {
  uint32_t kind;         // language-defined: frame or continuation kind
  uint32_t pc;           // language-defined resume position
  uint32_t size;         // slots in the frame; every entry's slot < size
  uint32_t first_entry;  // into entries_
  uint32_t num_entries;
};

struct VirtualField {
  DescrId descr;   // a field descriptor, or kNoDescr for an array item
  uint32_t index;  // the array index when descr is kNoDescr
  Ref value;
  bool operator==(const VirtualField&) const = default;
};

struct VirtualObject {
  DescrId descr;   // a size descriptor (new / new_with_vtable) or an array descriptor
  bool with_vtable;
  uint32_t length;  // arrays: the item count
  uint32_t first_field;
  uint32_t num_fields;
};

// The state a tracing context accumulates and then freezes into a snapshot.
class SnapshotBuilder {
 public:
  struct Frame {
    uint32_t kind = 0;
    uint32_t pc = 0;
    uint32_t size = 0;
    std::vector<SnapEntry> entries;  // kept sorted by slot
  };
  // clear() and pop_frame() keep the frames' entry vectors for the next
  // push_frame (a tracing context clears its builder at every instruction).
  void clear() {
    while (!frames_.empty()) pop_frame();
  }
  Frame& push_frame(uint32_t kind, uint32_t pc, uint32_t size);
  void pop_frame() {
    frames_.back().entries.clear();
    spare_.push_back(std::move(frames_.back().entries));
    frames_.pop_back();
  }
  Frame& top() { return frames_.back(); }
  // Sets (or replaces) the top frame's entry for `slot`.
  void set(uint16_t slot, Ref ref);
  void erase(uint16_t slot);
  const std::vector<Frame>& frames() const { return frames_; }
  std::vector<Frame>& frames() { return frames_; }

 private:
  std::vector<Frame> frames_;
  std::vector<std::vector<SnapEntry>> spare_;
};

class SnapshotTable {
 public:
  SnapshotId add(const SnapshotBuilder& b);
  // Capacity for about as many snapshots, frames and entries as `other`
  // holds (a pass's output re-adds its input's).
  void reserve_like(const SnapshotTable& other);
  size_t num_snapshots() const { return snapshots_.size(); }
  size_t num_frames() const { return frames_.size(); }  // distinct frames stored

  std::span<const uint32_t> frames_of(SnapshotId id) const;
  const SnapFrame& frame(uint32_t frame_id) const { return frames_[frame_id]; }
  std::span<const SnapEntry> entries(const SnapFrame& f) const {
    return {entries_.data() + f.first_entry, f.num_entries};
  }

  // Virtual objects referenced by entries as Ref::virt(i).
  Ref add_virtual(DescrId descr, bool with_vtable, uint32_t length,
                  std::span<const VirtualField> fields);
  // Two steps, for recipes that refer to each other (cycles are allowed):
  // reserve the Ref first, define it once its fields are known.
  Ref reserve_virtual();
  void define_virtual(Ref v, DescrId descr, bool with_vtable, uint32_t length,
                      std::span<const VirtualField> fields);
  size_t num_virtuals() const { return virtuals_.size(); }
  const VirtualObject& virtual_object(uint32_t i) const { return virtuals_[i]; }
  std::span<const VirtualField> fields(const VirtualObject& v) const {
    return {vfields_.data() + v.first_field, v.num_fields};
  }

 private:
  struct Span {
    uint32_t first, count;
  };
  uint32_t intern_frame(const SnapshotBuilder::Frame& f);

  std::vector<Span> snapshots_;
  std::vector<uint32_t> frame_ids_;
  std::vector<SnapFrame> frames_;
  std::vector<SnapEntry> entries_;
  std::vector<VirtualObject> virtuals_;
  std::vector<VirtualField> vfields_;
  // hash -> ids with that hash (open addressing, Fibonacci-hashed index;
  // no allocation per insert, unlike the unordered_multimap it replaced).
  class HashIndex {
   public:
    // The first id with hash h that match(id) accepts, or UINT32_MAX.
    template <class F>
    uint32_t find(uint64_t h, F&& match) const {
      if (slots_.empty()) return UINT32_MAX;
      for (size_t i = index(h);; i = (i + 1) & (slots_.size() - 1)) {
        const Slot& s = slots_[i];
        if (s.id == UINT32_MAX) return UINT32_MAX;
        if (s.hash == h && match(s.id)) return s.id;
      }
    }
    void insert(uint64_t h, uint32_t id);
    // Room for `n` ids without growing (only while empty).
    void reserve(size_t n);

   private:
    struct Slot {
      uint64_t hash = 0;
      uint32_t id = UINT32_MAX;
    };
    size_t index(uint64_t h) const { return static_cast<size_t>((h * 0x9e3779b97f4a7c15ull) >> shift_); }
    std::vector<Slot> slots_;
    size_t used_ = 0;
    int shift_ = 64;
  };
  HashIndex frame_by_hash_;
  HashIndex snapshot_by_hash_;
  std::vector<uint32_t> ids_scratch_;  // add()'s frame ids
};

}  // namespace pyrite::jit::ir
