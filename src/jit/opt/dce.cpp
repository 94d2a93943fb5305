// dce (dce.h, docs/jit_opt.md "dce").
#include "jit/opt/dce.h"

#include <algorithm>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/snapshots.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

// Dead stores, found in the same backward walk: the locations stored
// further on with nothing in between that could observe them (an exit,
// a load that may alias, a call, a label, the end). A store to one of
// those is dead. heap removes the stores it sees overwritten; these are
// the ones bounds exposed after it, by removing the guards between them
// (a bridge through inner loops' summaries, each storing its counters).
class Overwritten {
 public:
  explicit Overwritten(const Trace& t) : t_(t), region_start_(t.num_ops()) {}

  // Whether op i (walking back) is a dead store; notes what it does.
  bool dead_store(uint32_t i) {
    const Op& op = t_.op(i);
    OpAccess a = access_of(op.opcode);
    if (a.kind == Access::kStore) {
      Location l = loc(i, a);
      for (const Location& x : later_)
        if (must_alias(x, l)) return true;
      later_.push_back(l);
      return false;
    }
    if (later_.empty()) return false;
    if (a.kind == Access::kLoad || a.kind == Access::kLength) {
      Location l = loc(i, a);
      std::erase_if(later_, [&](const Location& x) { return may_alias(t_, x, l); });
      return false;
    }
    Effects e = t_.effects_of(i);
    if ((e & effect::kGuard) || op.opcode == Opcode::kLabel || observes_memory(e, op.opcode)) later_.clear();
    return false;
  }

 private:
  Location loc(uint32_t i, OpAccess a) {
    // The region an index is read in starts at the last label before i
    // (the set is emptied at every label, so one lookup per region).
    if (region_start_ > i) {
      region_start_ = i;
      while (region_start_ > 0 && t_.op(region_start_).opcode != Opcode::kLabel) region_start_--;
    }
    auto args = t_.args(i);
    return location_of(t_, region_start_, i, args[0], a.array ? args[1] : Ref());
  }

  const Trace& t_;
  uint32_t region_start_;
  std::vector<Location> later_;
};

}  // namespace

Trace dce(const Trace& src) {
  uint32_t n = src.num_ops();
  std::vector<bool> live(n, false);
  Overwritten overwritten(src);
  // A snapshot's values are marked once (guards share snapshots).
  std::vector<bool> snapshot_done(src.snapshots().num_snapshots(), false);
  auto use = [&](Ref r) {
    if (r.is_value()) live[r.index()] = true;
  };
  for (uint32_t i = n; i-- > src.num_inputs();) {
    if (overwritten.dead_store(i)) continue;
    if (!live[i] && removable_if_unused(src.effects_of(i))) continue;
    live[i] = true;
    for (Ref a : src.args(i)) use(a);
    SnapshotId s = src.op(i).snapshot;
    if (s != kNoSnapshot && !snapshot_done[static_cast<uint32_t>(s)]) {
      snapshot_done[static_cast<uint32_t>(s)] = true;
      for_each_snapshot_value(src, s, use);
    }
  }
  if (std::all_of(live.begin() + src.num_inputs(), live.end(), [](bool b) { return b; })) return copy_trace(src);
  Rewriter rw(src);
  for (uint32_t i = src.num_inputs(); i < n; i++)
    if (live[i]) rw.copy(i);
  return rw.take();
}

}  // namespace pyrite::jit::opt
