// Rewriter (docs/jit.md, "Passes").
//
// Invariants: map_[i] is set once source op i has been visited (copied or
// forwarded) and names an output value or constant; snapshot_memo_ holds
// snapshots built since the last forward(), so guards sharing a source
// snapshot keep sharing it, and a later forward() (a guard proving a value
// constant, say) is seen by the snapshots built after it.
#include "jit/ir/ir_rewrite.h"

#include "base/check.h"

namespace pyrite::jit::ir {

Rewriter::Rewriter(const Trace& src)
    : src_(src), out_(src.shared_descrs()), builder_(out_), map_(src.num_ops()) {
  for (uint32_t k = 0; k < src.num_inputs(); k++) map_[k] = out_.add_input(src.op(k).type);
  next_ = src.num_inputs();
}

Ref Rewriter::map(Ref r) {
  switch (r.kind()) {
    case Ref::Kind::kValue:
      PYR_CHECK(r.index() < map_.size() && !map_[r.index()].is_none());
      return map_[r.index()];
    case Ref::Kind::kConst: {
      const Const& c = src_.constant(r);
      return out_.intern(c.type, c.bits);
    }
    case Ref::Kind::kVirtual: return map_virtual(r.index());
    case Ref::Kind::kNone: return r;
  }
  PYR_UNREACHABLE();
}

Ref Rewriter::map_virtual(uint32_t src_index) {
  auto it = virtual_memo_.find(src_index);
  if (it != virtual_memo_.end()) return it->second;
  Ref v = out_.snapshots().reserve_virtual();
  virtual_memo_.emplace(src_index, v);  // before the fields: cycles map to v
  const VirtualObject& vo = src_.snapshots().virtual_object(src_index);
  std::vector<VirtualField> fields;
  for (const VirtualField& f : src_.snapshots().fields(vo)) fields.push_back(VirtualField{f.descr, f.index, map(f.value)});
  out_.snapshots().define_virtual(v, vo.descr, vo.with_vtable, vo.length, fields);
  return v;
}

void Rewriter::forward(uint32_t src_op, Ref to) {
  PYR_CHECK(src_op < map_.size());
  map_[src_op] = to;
  snapshot_memo_.clear();
  virtual_memo_.clear();
  if (src_op >= next_) next_ = src_op + 1;
}

SnapshotId Rewriter::map_snapshot(SnapshotId s) {
  if (s == kNoSnapshot) return s;
  auto it = snapshot_memo_.find(static_cast<uint32_t>(s));
  if (it != snapshot_memo_.end()) return it->second;
  const SnapshotTable& st = src_.snapshots();
  SnapshotBuilder b;
  for (uint32_t fid : st.frames_of(s)) {
    const SnapFrame& f = st.frame(fid);
    b.push_frame(f.kind, f.pc, f.size);
    for (const SnapEntry& e : st.entries(f)) {
      b.set(e.slot, map(e.ref));
      if (e.flags) b.top().entries.back().flags = e.flags;  // set() keeps entries sorted; e is the largest so far
    }
  }
  SnapshotId id = out_.add_snapshot(b);
  snapshot_memo_.emplace(static_cast<uint32_t>(s), id);
  return id;
}

Ref Rewriter::copy(uint32_t src_op) {
  const Op& op = src_.op(src_op);
  std::vector<Ref> args;
  args.reserve(op.num_args);
  for (Ref a : src_.args(op)) args.push_back(map(a));
  Ref r = out_.emit(op.opcode, std::span<const Ref>(args), op.descr, map_snapshot(op.snapshot), op.type);
  map_[src_op] = r;
  if (src_op >= next_) next_ = src_op + 1;
  return r;
}

void Rewriter::copy_rest() {
  while (next_ < src_.num_ops()) copy(next_);
}

Trace copy_trace(const Trace& t) {
  Rewriter r(t);
  r.copy_rest();
  return r.take();
}

}  // namespace pyrite::jit::ir
