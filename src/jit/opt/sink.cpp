// sink (sink.h, docs/jit_opt.md "sink").
//
// Invariant: at every point of the output, memory with the pending stores
// done, in order, is memory at the same point of the source; and at every
// guard the source's stores before it are either emitted or listed in its
// store frames (in order, after the ones its snapshot already had were
// done: those were delayed past it by an earlier sink, from a point after
// every store still before it).
#include "jit/opt/sink.h"

#include <algorithm>
#include <array>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/label.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

struct Pending {
  Location loc;
  bool replaced;  // the source stores to the same location again before anything observes it
  Opcode opcode;
  std::array<Ref, 3> args;  // output Refs: base, (index,) value
  uint8_t num_args;
  DescrId descr;
};

class Sink {
 public:
  explicit Sink(const Trace& src) : src_(src), rw_(src) {}

  Trace run() {
    // Only a loop's body (after its last label; a trace without one is all
    // body): the preamble runs once per entry, and its guards' snapshots
    // are copied into every trace that jumps to the loop (the preamble
    // pass), where store frames cost failargs and glue for nothing
    // (docs/jit_opt.md, "sink").
    body_ = src_.num_inputs();
    for (uint32_t i = src_.num_ops(); i-- > src_.num_inputs();)
      if (src_.op(i).opcode == Opcode::kLabel) {
        body_ = i;
        break;
      }
    find_replaced();
    for (uint32_t i = src_.num_inputs(); i < src_.num_ops(); i++) visit(i);
    return rw_.take();
  }

  // Per store of the body: whether a later store to the same location
  // comes before anything could observe it (a label, the jump, a call, a
  // load that may alias it). Only those are worth delaying: a store that
  // is done anyway would cost the guards it passes failargs and glue, and
  // save nothing.
  void find_replaced() {
    replaced_.assign(src_.num_ops(), false);
    using namespace effect;
    for (uint32_t i = body_; i < src_.num_ops(); i++) {
      OpAccess a = access_of(src_.op(i).opcode);
      if (a.kind != Access::kStore) continue;
      Location l = src_location(i, a);
      for (uint32_t j = i + 1; j < src_.num_ops(); j++) {
        const Op& o = src_.op(j);
        OpAccess b = access_of(o.opcode);
        if (b.kind == Access::kStore && must_alias(l, src_location(j, b))) {
          replaced_[i] = true;
          break;
        }
        if ((b.kind == Access::kLoad || b.kind == Access::kLength) && may_alias(src_, l, src_location(j, b))) break;
        if (b.kind != Access::kNone) continue;
        Effects e = src_.effects_of(j);
        if (o.opcode == Opcode::kLabel || is_call_may_force(o.opcode) ||
            (e & (kReadsHeap | kWritesHeap | kCallsArbitrary | kFinal | kCanInvalidate | kForcesVirtuals)))
          break;
      }
    }
  }

  Location src_location(uint32_t i, OpAccess a) const {
    Ref index = a.array ? src_.arg(i, 1) : Ref();
    return location_of(src_, body_, src_.op(i).opcode, src_.op(i).descr, src_.arg(i, 0), index);
  }

  // Before a guard: the pending stores nothing replaces are done now, in
  // order, unless one may alias a store that stays pending before it.
  void emit_unreplaced() {
    std::vector<Pending> kept;
    for (const Pending& p : pending_) {
      bool after_kept = std::any_of(kept.begin(), kept.end(), [&](const Pending& k) { return may_alias(out(), k.loc, p.loc); });
      if (p.replaced || after_kept) {
        kept.push_back(p);
        continue;
      }
      out().emit(p.opcode, std::span<const Ref>(p.args.data(), p.num_args), p.descr);
    }
    pending_ = std::move(kept);
  }

 private:
  Trace& out() { return rw_.out(); }

  Location loc_of(uint32_t i, OpAccess a) {
    Ref base = rw_.map(src_.arg(i, 0));
    Ref index = a.array ? rw_.map(src_.arg(i, 1)) : Ref();
    return location_of(out(), region_start_, src_.op(i).opcode, src_.op(i).descr, base, index);
  }

  void flush() {
    for (Pending& p : pending_) out().emit(p.opcode, std::span<const Ref>(p.args.data(), p.num_args), p.descr);
    pending_.clear();
  }

  // The guard just copied gets the pending stores as store frames, after
  // its language frames and before the store frames it had.
  void attach_pending(SnapshotId mapped) {
    const SnapshotTable& st = out().snapshots();
    SnapshotBuilder b;
    std::vector<uint32_t> had;
    for (uint32_t fid : st.frames_of(mapped)) {
      const SnapFrame& f = st.frame(fid);
      if (is_store_frame(f.kind)) {
        had.push_back(fid);
        continue;
      }
      b.push_frame(f.kind, f.pc, f.size);
      for (const SnapEntry& e : st.entries(f)) b.set(e.slot, e.ref);
    }
    for (const Pending& p : pending_) {
      bool raw = p.opcode == Opcode::kSetarrayitemRaw || p.opcode == Opcode::kSetfieldRaw;
      b.push_frame(raw ? kStoreFrameRaw : kStoreFrameGc, static_cast<uint32_t>(p.descr), p.num_args);
      for (uint16_t k = 0; k < p.num_args; k++) b.set(k, p.args[k]);
    }
    for (uint32_t fid : had) {
      const SnapFrame& f = st.frame(fid);
      b.push_frame(f.kind, f.pc, f.size);
      for (const SnapEntry& e : st.entries(f)) b.set(e.slot, e.ref);
    }
    out().set_snapshot(out().num_ops() - 1, out().add_snapshot(b));
  }

  void visit(uint32_t i) {
    const Op& op = src_.op(i);
    OpAccess a = access_of(op.opcode);
    if (a.kind == Access::kStore) {
      Location l = loc_of(i, a);
      std::erase_if(pending_, [&](const Pending& p) { return must_alias(p.loc, l); });
      auto args = src_.args(i);
      Pending p{l, replaced_[i], op.opcode, {}, static_cast<uint8_t>(args.size()), op.descr};
      for (size_t k = 0; k < args.size(); k++) p.args[k] = rw_.map(args[k]);
      pending_.push_back(p);
      rw_.forward(i, Ref());
      return;
    }
    if (a.kind == Access::kLoad || a.kind == Access::kLength) {
      Location l = loc_of(i, a);
      for (const Pending& p : pending_)
        if (may_alias(out(), p.loc, l)) {
          flush();
          break;
        }
      rw_.copy(i);
      return;
    }
    if (op.opcode == Opcode::kLabel) {
      flush();
      region_start_ = copy_label(rw_, i);
      return;
    }
    Effects e = src_.effects_of(i);
    using namespace effect;
    bool observes = e & (kReadsHeap | kWritesHeap | kCallsArbitrary | kFinal | kCanInvalidate | kForcesVirtuals);
    // Before the body, stores stay before guards (as heap left them),
    // and so before an *_ovf op, which its guard must directly follow.
    if (i < body_ && (is_guard(op.opcode) || (e & kOvf))) observes = true;
    if (observes || is_call_may_force(op.opcode)) flush();
    // An *_ovf op's guard follows it directly: the stores go before the op.
    else if ((is_guard(op.opcode) && !is_overflow_guard(op.opcode)) || (e & kOvf)) emit_unreplaced();
    rw_.copy(i);
    if (is_guard(op.opcode) && !pending_.empty()) attach_pending(out().op(out().num_ops() - 1).snapshot);
  }

  const Trace& src_;
  Rewriter rw_;
  std::vector<Pending> pending_;
  uint32_t region_start_ = 0;  // the last label emitted
  uint32_t body_ = 0;          // the source's last label (or its first op)
  std::vector<bool> replaced_;  // per source op (find_replaced)
};

}  // namespace

Trace sink(const Trace& src) { return Sink(src).run(); }

}  // namespace pyrite::jit::opt
