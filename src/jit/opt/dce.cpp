// dce (dce.h, docs/jit_opt.md "dce").
#include "jit/opt/dce.h"

#include <algorithm>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/snapshots.h"

namespace pyrite::jit::opt {

using namespace ir;

Trace dce(const Trace& src) {
  uint32_t n = src.num_ops();
  std::vector<bool> live(n, false);
  // A snapshot's values are marked once (guards share snapshots).
  std::vector<bool> snapshot_done(src.snapshots().num_snapshots(), false);
  auto use = [&](Ref r) {
    if (r.is_value()) live[r.index()] = true;
  };
  for (uint32_t i = n; i-- > src.num_inputs();) {
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
