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
#include <unordered_map>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/label.h"
#include "jit/opt/modular.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

struct Fact {
  Location loc;
  uint64_t bits;  // the constant it holds, as wide as its descr
  bool used;      // a store was dropped because of it
};

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
  Sink(const Trace& src, const std::vector<Location>& banned) : src_(src), rw_(src), banned_(banned) {}

  // Facts a dropped store relied on that the body's main path then wrote
  // (so the next iteration would not enter with them): sink() runs again
  // without them.
  const std::vector<Location>& broken() const { return broken_; }
  void no_facts() { no_facts_ = true; }

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
        if (o.opcode == Opcode::kLabel || observes_memory(src_.effects_of(j), o.opcode)) break;
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
      emit_store(p);
    }
    pending_ = std::move(kept);
  }

 private:
  Trace& out() { return rw_.out(); }

  Location loc_of(uint32_t i, OpAccess a) {
    Ref base = rw_.map(src_.arg(i, 0));
    Ref index = a.array ? rw_.map(src_.arg(i, 1)) : Ref();
    return canonical(location_of(out(), region_start_, src_.op(i).opcode, src_.op(i).descr, base, index));
  }

  void flush() {
    for (Pending& p : pending_) emit_store(p);
    pending_.clear();
  }

  // The body sees the values of before its label only as label operands,
  // each an opaque root to alias.h. An operand the jump passes back
  // unchanged keeps, in every iteration, what it was at the label: if
  // the preamble computed it as another such operand plus a constant
  // (BF's cell addresses p + 3, p + 7), the body's locations use that
  // root, and cells at different constants stay provably distinct.
  void learn_invariant_roots(uint32_t src_label) {
    auto slargs = src_.args(src_label);
    auto sjargs = src_.args(src_.num_ops() - 1);
    if (src_.op(src_.num_ops() - 1).opcode != Opcode::kJump || sjargs.size() != slargs.size()) return;
    auto largs = out().args(region_start_);
    std::vector<bool> invariant(largs.size());
    for (size_t k = 0; k < largs.size(); k++) invariant[k] = sjargs[k] == slargs[k];
    auto operand = [&](Ref r) -> int {
      for (size_t k = 0; k < largs.size(); k++)
        if (largs[k] == r && invariant[k]) return static_cast<int>(k);
      return -1;
    };
    for (size_t k = 0; k < largs.size(); k++) {
      if (!invariant[k] || !largs[k].is_value()) continue;
      Ref r = largs[k];
      int64_t off = 0;
      // Through int_add(x, c) / int_sub(x, c) definitions before the label.
      while (r.is_value() && r.index() < region_start_) {
        const Op& d = out().op(r.index());
        if ((d.opcode != Opcode::kIntAdd && d.opcode != Opcode::kIntSub) || !out().arg(r.index(), 1).is_const()) break;
        int64_t c = out().constant(out().arg(r.index(), 1)).as_int();
        off += d.opcode == Opcode::kIntAdd ? c : -c;
        r = out().arg(r.index(), 0);
      }
      if (r != largs[k] && operand(r) >= 0) root_of_[largs[k].bits()] = {r, off};
    }
    // The preamble's facts hold in the body when their roots are such operands.
    std::erase_if(facts_, [&](const Fact& f) { return !f.loc.root.is_none() && operand(f.loc.root) < 0; });
  }

  // `l` with its root replaced as learn_invariant_roots found.
  Location canonical(Location l) const {
    if (l.root.is_none()) return l;
    auto it = root_of_.find(l.root.bits());
    if (it == root_of_.end()) return l;
    l.root = it->second.first;
    l.off += it->second.second;
    return l;
  }

  // Emits a store, and keeps `facts_`: the locations the main path's
  // memory holds a known constant at (before the body: the constant
  // stores so far; in the body: the preamble's at the label, until the
  // body's main path writes them). In the body, storing the constant a
  // location already holds is dropped: every iteration enters with it
  // there (the preamble put it there, the body puts nothing else), and
  // the guards that exit while the location holds something else carry
  // that in their store frames. BF's scratch cells, set and cleared
  // again at every step.
  void emit_store(const Pending& p) {
    Ref v = p.args[p.num_args - 1];
    uint64_t bits = v.is_const() ? out().constant(v).bits & mask_of(8 * out().descr(p.descr).size) : 0;
    if (in_body_ && v.is_const())
      for (Fact& f : facts_)
        if (must_alias(f.loc, p.loc) && f.bits == bits) {
          f.used = true;
          return;
        }
    out().emit(p.opcode, std::span<const Ref>(p.args.data(), p.num_args), p.descr);
    forget_facts([&](const Fact& f) { return may_alias(out(), f.loc, p.loc); });
    if (!in_body_ && !no_facts_ && v.is_const() &&
        std::none_of(banned_.begin(), banned_.end(), [&](const Location& b) { return must_alias(b, p.loc); }))
      facts_.push_back({p.loc, bits, false});
  }

  template <class F>
  void forget_facts(F&& which) {
    std::erase_if(facts_, [&](const Fact& f) {
      if (!which(f)) return false;
      if (f.used) broken_.push_back(f.loc);
      return true;
    });
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
      if (i == body_ && i > src_.num_inputs()) {
        in_body_ = true;
        body_target_ = op.descr;
      } else {
        facts_.clear();  // entered from elsewhere: nothing known
      }
      region_start_ = copy_label(rw_, i);
      if (in_body_) learn_invariant_roots(i);
      return;
    }
    Effects e = src_.effects_of(i);
    using namespace effect;
    if (writes_memory(e, op.opcode)) forget_facts([](const Fact&) { return true; });
    bool observes = observes_memory(e, op.opcode);
    // Before the body, stores stay before guards (as heap left them),
    // and so before an *_ovf op, which its guard must directly follow.
    if (i < body_ && (is_guard(op.opcode) || (e & kOvf))) observes = true;
    if (observes) flush();
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
  std::vector<Fact> facts_;
  std::vector<Location> banned_;  // facts not to learn (an earlier run broke them)
  std::vector<Location> broken_;
  std::unordered_map<uint32_t, std::pair<Ref, int64_t>> root_of_;  // body label operand -> (root, offset)
  bool in_body_ = false;
  bool no_facts_ = false;
  DescrId body_target_ = kNoDescr;
};

}  // namespace

Trace sink(const Trace& src) {
  std::vector<Location> banned;
  for (int round = 0;; round++) {
    Sink s(src, banned);
    Trace out = s.run();
    if (s.broken().empty() || round == 8) {
      if (s.broken().empty()) return out;
      // Give up on facts altogether (never seen: each round bans at least one).
      banned.clear();
      Sink plain(src, {});
      plain.no_facts();
      return plain.run();
    }
    banned.insert(banned.end(), s.broken().begin(), s.broken().end());
  }
}

}  // namespace pyrite::jit::opt
