// Snapshot storage and interning (docs/jit.md, "Snapshots").
#include "jit/ir/snapshot.h"

#include <algorithm>
#include <bit>

#include "base/check.h"

namespace pyrite::jit::ir {

namespace {

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

}  // namespace

SnapshotBuilder::Frame& SnapshotBuilder::push_frame(uint32_t kind, uint32_t pc, uint32_t size) {
  PYR_CHECK(size <= 0x10000);
  frames_.push_back(Frame{kind, pc, size, {}});
  if (!spare_.empty()) {
    frames_.back().entries = std::move(spare_.back());
    spare_.pop_back();
  }
  return frames_.back();
}

void SnapshotBuilder::set(uint16_t slot, Ref ref) {
  auto& e = frames_.back().entries;
  auto it = std::lower_bound(e.begin(), e.end(), slot,
                             [](const SnapEntry& a, uint16_t s) { return a.slot < s; });
  if (it != e.end() && it->slot == slot)
    it->ref = ref;
  else
    e.insert(it, SnapEntry{slot, 0, ref});
}

void SnapshotBuilder::erase(uint16_t slot) {
  auto& e = frames_.back().entries;
  std::erase_if(e, [slot](const SnapEntry& a) { return a.slot == slot; });
}

void SnapshotTable::HashIndex::insert(uint64_t h, uint32_t id) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    size_t n = old.empty() ? 16 : old.size() * 2;
    slots_.assign(n, Slot{});
    shift_ = 64 - std::countr_zero(n);
    used_ = 0;
    for (const Slot& s : old)
      if (s.id != UINT32_MAX) insert(s.hash, s.id);
  }
  size_t i = index(h);
  while (slots_[i].id != UINT32_MAX) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = Slot{h, id};
  used_++;
}

void SnapshotTable::HashIndex::reserve(size_t n) {
  if (used_ != 0) return;
  size_t slots = 16;
  while (slots < 2 * (n + 1)) slots *= 2;
  if (slots <= slots_.size()) return;
  slots_.assign(slots, Slot{});
  shift_ = 64 - std::countr_zero(slots);
}

void SnapshotTable::reserve_like(const SnapshotTable& other) {
  snapshots_.reserve(other.snapshots_.size());
  frame_ids_.reserve(other.frame_ids_.size());
  frames_.reserve(other.frames_.size());
  entries_.reserve(other.entries_.size());
  frame_by_hash_.reserve(other.frames_.size());
  snapshot_by_hash_.reserve(other.snapshots_.size());
}

uint32_t SnapshotTable::intern_frame(const SnapshotBuilder::Frame& f) {
  uint64_t h = mix(mix(mix(0, f.kind), f.pc), f.size);
  for (const SnapEntry& e : f.entries) h = mix(h, (uint64_t(e.slot) << 48) | (uint64_t(e.flags) << 32) | e.ref.bits());
  uint32_t found = frame_by_hash_.find(h, [&](uint32_t id) {
    const SnapFrame& g = frames_[id];
    return g.kind == f.kind && g.pc == f.pc && g.size == f.size &&
           std::equal(f.entries.begin(), f.entries.end(), entries_.begin() + g.first_entry,
                      entries_.begin() + g.first_entry + g.num_entries);
  });
  if (found != UINT32_MAX) return found;
  uint32_t id = static_cast<uint32_t>(frames_.size());
  frames_.push_back(SnapFrame{f.kind, f.pc, f.size, static_cast<uint32_t>(entries_.size()),
                              static_cast<uint32_t>(f.entries.size())});
  entries_.insert(entries_.end(), f.entries.begin(), f.entries.end());
  frame_by_hash_.insert(h, id);
  return id;
}

SnapshotId SnapshotTable::add(const SnapshotBuilder& b) {
  std::vector<uint32_t>& ids = ids_scratch_;
  ids.clear();
  uint64_t h = 0x51;
  for (const auto& f : b.frames()) {
    ids.push_back(intern_frame(f));
    h = mix(h, ids.back());
  }
  uint32_t found = snapshot_by_hash_.find(h, [&](uint32_t id) {
    const Span& s = snapshots_[id];
    return s.count == ids.size() && std::equal(ids.begin(), ids.end(), frame_ids_.begin() + s.first);
  });
  if (found != UINT32_MAX) return static_cast<SnapshotId>(found);
  uint32_t id = static_cast<uint32_t>(snapshots_.size());
  snapshots_.push_back(Span{static_cast<uint32_t>(frame_ids_.size()), static_cast<uint32_t>(ids.size())});
  frame_ids_.insert(frame_ids_.end(), ids.begin(), ids.end());
  snapshot_by_hash_.insert(h, id);
  return static_cast<SnapshotId>(id);
}

std::span<const uint32_t> SnapshotTable::frames_of(SnapshotId id) const {
  const Span& s = snapshots_[static_cast<uint32_t>(id)];
  return {frame_ids_.data() + s.first, s.count};
}

Ref SnapshotTable::add_virtual(DescrId descr, bool with_vtable, uint32_t length,
                               std::span<const VirtualField> fields) {
  uint32_t index = static_cast<uint32_t>(virtuals_.size());
  virtuals_.push_back(VirtualObject{descr, with_vtable, length,
                                    static_cast<uint32_t>(vfields_.size()),
                                    static_cast<uint32_t>(fields.size())});
  vfields_.insert(vfields_.end(), fields.begin(), fields.end());
  return Ref::virt(index);
}

Ref SnapshotTable::reserve_virtual() {
  virtuals_.push_back(VirtualObject{kNoDescr, false, 0, 0, 0});
  return Ref::virt(static_cast<uint32_t>(virtuals_.size() - 1));
}

void SnapshotTable::define_virtual(Ref v, DescrId descr, bool with_vtable, uint32_t length,
                                   std::span<const VirtualField> fields) {
  PYR_CHECK(v.is_virtual() && v.index() < virtuals_.size());
  virtuals_[v.index()] = VirtualObject{descr, with_vtable, length,
                                       static_cast<uint32_t>(vfields_.size()),
                                       static_cast<uint32_t>(fields.size())};
  vfields_.insert(vfields_.end(), fields.begin(), fields.end());
}

}  // namespace pyrite::jit::ir
