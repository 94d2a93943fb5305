// Snapshot values without allocating (docs/jit_opt.md, "Compile time").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Calls f(Ref) for every value snapshot `s` of `t` needs (its failargs),
// as Trace::snapshot_values lists them, maybe more than once each; frame
// entries are read in place, and only a snapshot with virtuals goes
// through snapshot_values (which allocates).
template <class F>
void for_each_snapshot_value(const ir::Trace& t, ir::SnapshotId s, F&& f) {
  const ir::SnapshotTable& st = t.snapshots();
  for (uint32_t fid : st.frames_of(s)) {
    for (const ir::SnapEntry& e : st.entries(st.frame(fid))) {
      if (e.ref.is_value()) {
        f(e.ref);
      } else if (e.ref.is_virtual()) {
        for (ir::Ref r : t.snapshot_values(s)) f(r);
        return;
      }
    }
  }
}

}  // namespace pyrite::jit::opt
