// Rewriter (docs/jit.md, "Passes").
//
// Invariants: map_[i] is set once source op i has been visited (copied or
// forwarded) and names an output value or constant; snapshot_memo_ holds
// snapshots built since the last forward() that changed an existing
// mapping (entries of an older generation are stale), so guards sharing a
// source snapshot keep sharing it, and a later re-forward (a guard proving
// a value constant, say) is seen by the snapshots built after it. The
// output starts with a copy of the source's constant pool, so a constant
// Ref maps to itself.
#include "jit/ir/ir_rewrite.h"

#include "base/check.h"

namespace pyrite::jit::ir {

Copier::Copier(const Trace& src, Trace& out, bool shared_pool)
    : src_(src),
      out_(out),
      shared_pool_(shared_pool),
      map_(src.num_ops()),
      snapshot_memo_(src.snapshots().num_snapshots(), {0, kNoSnapshot}) {}

Rewriter::Rewriter(const Trace& src)
    : src_(src), out_(src.shared_descrs()), builder_(out_), copier_(src, out_, /*shared_pool=*/true) {
  out_.reserve(src.num_ops(), src.num_arg_slots());
  out_.adopt_constants(src);
  out_.snapshots().reserve_like(src.snapshots());
  for (uint32_t k = 0; k < src.num_inputs(); k++) copier_.forward(k, out_.add_input(src.op(k).type));
  next_ = src.num_inputs();
}

Ref Copier::map(Ref r) {
  switch (r.kind()) {
    case Ref::Kind::kValue:
      PYR_CHECK(r.index() < map_.size() && !map_[r.index()].is_none());
      return map_[r.index()];
    case Ref::Kind::kConst: {
      if (shared_pool_) return r;  // the output starts with the source's pool
      const Const& c = src_.constant(r);
      return out_.intern(c.type, c.bits);
    }
    case Ref::Kind::kVirtual: return map_virtual(r.index());
    case Ref::Kind::kNone: return r;
  }
  PYR_UNREACHABLE();
}

Ref Copier::map_virtual(uint32_t src_index) {
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

void Copier::forward(uint32_t src_op, Ref to) {
  PYR_CHECK(src_op < map_.size());
  // Only a changed mapping can make a memoized snapshot or virtual stale:
  // one built before `src_op` was first mapped cannot refer to it (map()
  // refuses unmapped ops), so forwarding a fresh op keeps the memos.
  bool remap = !map_[src_op].is_none();
  map_[src_op] = to;
  if (remap) {
    memo_gen_++;
    if (!virtual_memo_.empty()) virtual_memo_.clear();
  }
}

SnapshotId Copier::map_snapshot(SnapshotId s) {
  if (s == kNoSnapshot) return s;
  auto& memo = snapshot_memo_[static_cast<uint32_t>(s)];
  if (memo.first == memo_gen_) return memo.second;
  const SnapshotTable& st = src_.snapshots();
  // The scratch builder keeps its frames' entry vectors between calls.
  auto frame_ids = st.frames_of(s);
  std::vector<SnapshotBuilder::Frame>& frames = snapshot_scratch_.frames();
  frames.resize(frame_ids.size());
  for (size_t k = 0; k < frame_ids.size(); k++) {
    const SnapFrame& f = st.frame(frame_ids[k]);
    SnapshotBuilder::Frame& b = frames[k];
    b.kind = f.kind;
    b.pc = f.pc;
    b.size = f.size;
    b.entries.clear();
    // Source entries are sorted by slot with distinct slots, as set() keeps them.
    for (const SnapEntry& e : st.entries(f)) b.entries.push_back(SnapEntry{e.slot, e.flags, map(e.ref)});
  }
  SnapshotId id = out_.add_snapshot(snapshot_scratch_);
  memo = {memo_gen_, id};
  return id;
}

Ref Copier::copy(uint32_t src_op) {
  const Op& op = src_.op(src_op);
  // A debug_merge_point right after another: the instruction the first
  // one marks has no op left. It goes (every pass would copy it on, and
  // the backend walk it: 46% of BF's optimized ops were merge points,
  // half of them followed by another).
  if (op.opcode == Opcode::kDebugMergePoint && out_.num_ops() > out_.num_inputs() &&
      out_.op(out_.num_ops() - 1).opcode == Opcode::kDebugMergePoint)
    out_.truncate(out_.num_ops() - 1);
  args_scratch_.clear();
  for (Ref a : src_.args(op)) args_scratch_.push_back(map(a));
  SnapshotId snap = map_snapshot(op.snapshot);  // (may map virtuals, which uses no scratch)
  Ref r = out_.emit(op.opcode, std::span<const Ref>(args_scratch_), op.descr, snap, op.type);
  map_[src_op] = r;
  return r;
}

void Rewriter::copy_rest() {
  while (next_ < src_.num_ops()) copy(next_);
}

Trace copy_trace(const Trace& t) { return t; }

}  // namespace pyrite::jit::ir
