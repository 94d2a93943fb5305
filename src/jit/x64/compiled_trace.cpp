// CompiledTrace: entries, exits, and patching exits to bridges and other
// traces' labels (docs/jit_x64.md, "Bridges").
#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "base/check.h"
#include "jit/x64/backend.h"
#include "jit/x64/compiler.h"

namespace pyrite::jit::x64 {

namespace {
// frame_entry address -> layout, for every label of every live trace.
struct LabelRegistry {
  std::mutex mu;
  std::unordered_map<uint64_t, const LabelLayout*> by_frame_entry;
};
LabelRegistry& registry() {
  static LabelRegistry* r = new LabelRegistry;
  return *r;
}
}  // namespace

void register_labels(const CompiledTrace& t, bool add);  // compiler.cpp calls it

const LabelLayout* find_label(uint64_t frame_entry) {
  LabelRegistry& r = registry();
  std::lock_guard<std::mutex> g(r.mu);
  auto it = r.by_frame_entry.find(frame_entry);
  return it == r.by_frame_entry.end() ? nullptr : it->second;
}

const LabelLayout* CompiledTrace::label_layout(uint32_t label) const {
  for (const Entry& e : entries_)
    if (e.label == label) return &e.layout;
  return nullptr;
}

void register_labels(const CompiledTrace& t, bool add) {
  LabelRegistry& r = registry();
  std::lock_guard<std::mutex> g(r.mu);
  for (const CompiledTrace::Entry& e : t.entries_) {
    if (e.label == CompiledTrace::kInputs) continue;  // a bridge's start: entered from its guard
    if (add) r.by_frame_entry[e.layout.frame_entry] = &e.layout;
    else r.by_frame_entry.erase(e.layout.frame_entry);
  }
}

uint64_t CompiledTrace::entry(uint32_t label) const {
  for (const Entry& e : entries_)
    if (e.label == label) return reinterpret_cast<uint64_t>(code_.data() + e.entry_offset);
  return 0;
}

uint64_t CompiledTrace::frame_entry(uint32_t label) const {
  for (const Entry& e : entries_)
    if (e.label == label) return reinterpret_cast<uint64_t>(code_.data() + e.frame_entry_offset);
  return 0;
}

const ExitInfo* CompiledTrace::guard_exit(uint32_t guard) const {
  if (guard >= guard_exit_index_.size() || guard_exit_index_[guard] == ~0u) return nullptr;
  return &exits_[guard_exit_index_[guard]];
}

CompiledTrace::~CompiledTrace() {
  if (code_.data()) register_labels(*this, false);
}

void CompiledTrace::redirect(uint32_t op, uint64_t target) {
  PYR_CHECK(op < guard_exit_index_.size() && guard_exit_index_[op] != ~0u);
  exit_targets_[guard_exit_index_[op]] = target;
}

void attach_bridge(CompiledTrace& parent, uint32_t guard, const CompiledTrace& bridge) {
  PYR_CHECK(ir::is_guard(parent.trace().op(guard).opcode));
  uint64_t target = bridge.frame_entry(CompiledTrace::kInputs);
  PYR_CHECK(target != 0);
  if (parent.exits_[parent.guard_exit_index_[guard]].bridge) detach_bridge(parent, guard);
  uint32_t k = parent.guard_exit_index_[guard];
  const LabelLayout* inputs = bridge.label_layout(CompiledTrace::kInputs);
  // The guard's store frames (ir/snapshot.h): the glue does them, and only
  // the glue can (the stub's way enters the bridge with no one doing them;
  // such a guard keeps leaving to the JIT, which resumes the interpreter).
  std::vector<GlueStore> stores;
  const ir::Trace& t = parent.trace();
  const ir::SnapshotTable& st = t.snapshots();
  bool glue = parent.guard_rel32_[k] != ~0u && inputs;
  for (uint32_t fid : st.frames_of(t.op(guard).snapshot)) {
    const ir::SnapFrame& f = st.frame(fid);
    if (!ir::is_store_frame(f.kind)) continue;
    if (!glue) return;
    const ir::Descr& d = t.descr(static_cast<ir::DescrId>(f.pc));
    GlueStore s{d.size, d.offset, d.kind == ir::DescrKind::kArray, {}, {}, {}};
    const std::vector<ir::Ref>& failargs = parent.failargs(parent.exits_[k]);
    auto where = [&](ir::Ref r) {
      if (r.is_const()) return LabelLocation{LabelLocation::kConst, 0, t.constant(r).bits};
      size_t i = std::find(failargs.begin(), failargs.end(), r) - failargs.begin();
      PYR_CHECK(i < parent.exit_values_[k].size());
      return parent.exit_values_[k][i];
    };
    auto entries = st.entries(f);
    s.base = where(entries[0].ref);
    if (s.array) s.index = where(entries[1].ref);
    s.value = where(entries.back().ref);
    stores.push_back(s);
  }
  parent.redirect(guard, target);  // the stub's way, for a guard without glue
  parent.exits_[k].bridge = &bridge;
  if (!glue) return;
  // The guard's jump goes to glue that does its stores and moves the
  // failargs straight into the bridge's input locations.
  parent.glue_[k] = make_glue(parent.trace(), parent.exit_values_[k], parent.exit_consts_[k], *inputs, stores);
  parent.set_guard_jump(k, reinterpret_cast<uint64_t>(parent.glue_[k].data()));
}

void CompiledTrace::set_guard_jump(uint32_t k, uint64_t target) {
  uint32_t at = guard_rel32_[k];
  int64_t disp = static_cast<int64_t>(target - (reinterpret_cast<uint64_t>(code_.data()) + at + 4));
  PYR_CHECK(disp >= INT32_MIN && disp <= INT32_MAX);
  int32_t d = static_cast<int32_t>(disp);
  code_.patch(at, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&d), 4));
}

void link_jump(CompiledTrace& t, uint32_t jump, uint64_t frame_entry) {
  PYR_CHECK(t.trace().op(jump).opcode == ir::Opcode::kJump && frame_entry != 0);
  t.redirect(jump, frame_entry);
}

void unlink_jump(CompiledTrace& t, uint32_t jump) { detach_bridge(t, jump); }

void detach_bridge(CompiledTrace& parent, uint32_t guard) {
  PYR_CHECK(guard < parent.guard_exit_index_.size() && parent.guard_exit_index_[guard] != ~0u);
  uint32_t k = parent.guard_exit_index_[guard];
  parent.exit_targets_[k] = parent.exit_return_;
  parent.exits_[k].bridge = nullptr;
  if (parent.glue_[k].data()) {
    parent.set_guard_jump(k, reinterpret_cast<uint64_t>(parent.code_.data()) + parent.stub_offset_[k]);
    parent.glue_[k] = CodeBlock();
  }
}

}  // namespace pyrite::jit::x64
