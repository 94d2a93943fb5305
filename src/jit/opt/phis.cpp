// phis (phis.h, docs/jit_opt.md "phis").
//
// Invariant: a dropped operand's value is never read after the label by
// an op that stays (one dce keeps), a snapshot, or a kept jump position,
// so neither the entry into the label nor the back edge needs to assign
// it; what only computed a dropped position's next value is dead (dce).
#include "jit/opt/phis.h"

#include <algorithm>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/snapshots.h"

namespace pyrite::jit::opt {

using namespace ir;

Trace phis(const Trace& src) {
  uint32_t n = src.num_ops(), labels = 0, label = 0;
  for (uint32_t i = 0; i < n; i++)
    if (src.op(i).opcode == Opcode::kLabel) labels++, label = i;
  if (labels < 2) return copy_trace(src);
  uint32_t jump = n - 1;
  const Op& j = src.op(jump);
  if (j.opcode != Opcode::kJump || j.descr != src.op(label).descr) return copy_trace(src);

  auto largs = src.args(label);
  auto jargs = src.args(jump);
  uint32_t m = static_cast<uint32_t>(largs.size());
  std::vector<uint8_t> live(m, 0);
  // The loop's own slots (peel puts them first: as many as the entry
  // label has) stay, so a body iteration's jump still passes the loop's
  // state as recorded (the property tests compare it after N iterations).
  uint32_t first_label = 0;
  while (src.op(first_label).opcode != Opcode::kLabel) first_label++;
  for (uint32_t k = 0; k < m && k < src.op(first_label).num_args; k++) live[k] = 1;
  // Backward liveness over the body: kept ops (and their snapshots) and
  // the jump's values for live positions are roots; a position is live
  // when a live op reads its operand. Repeat while positions turn live.
  std::vector<uint8_t> live_op(n, 0);
  for (bool changed = true; changed;) {
    changed = false;
    std::fill(live_op.begin(), live_op.end(), 0);
    auto mark = [&](Ref r) {
      if (r.is_value()) live_op[r.index()] = 1;
    };
    for (uint32_t k = 0; k < m; k++)
      if (live[k]) mark(jargs[k]);
    for (uint32_t i = jump; i-- > label + 1;) {
      if (!live_op[i] && removable_if_unused(src.effects_of(i))) continue;
      live_op[i] = 1;
      for (Ref a : src.args(i)) mark(a);
      if (src.op(i).snapshot != kNoSnapshot) for_each_snapshot_value(src, src.op(i).snapshot, mark);
    }
    for (uint32_t k = 0; k < m; k++)
      if (!live[k] && live_op[largs[k].index()]) live[k] = 1, changed = true;
  }
  uint32_t kept = 0;
  for (uint8_t l : live) kept += l;
  if (kept == m) return copy_trace(src);

  Rewriter rw(src);
  for (uint32_t i = src.num_inputs(); i < label; i++) rw.copy(i);
  Trace& out = rw.out();
  std::vector<Ref> args;
  std::vector<Type> types;
  args.reserve(kept);
  for (uint32_t k = 0; k < m; k++)
    if (live[k]) args.push_back(rw.map(largs[k])), types.push_back(src.type_of(largs[k]));
  DescrId target = kNoDescr;
  if (j.descr != kNoDescr) target = out.descrs().add_fresh_target(src.descr(j.descr).name, types);
  Ref l = out.emit(Opcode::kLabel, std::span<const Ref>(args), target);
  rw.forward(label, l);
  for (uint32_t i = label + 1; i < jump; i++)
    if (live_op[i]) rw.copy(i);  // the rest only fed dropped positions
  args.clear();
  for (uint32_t k = 0; k < m; k++)
    if (live[k]) args.push_back(rw.map(jargs[k]));
  out.emit(Opcode::kJump, std::span<const Ref>(args), target);
  return rw.take();
}

}  // namespace pyrite::jit::opt
