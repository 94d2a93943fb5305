// peel (peel.h, docs/jit_opt.md "peel").
//
// Invariants: the output's body refers to nothing defined before the body
// label except that label's operands (the verifier's kCrossesLabel): every
// invariant value an emitted body op, snapshot or the jump needs gets a
// label slot, and so does every non-invariant label operand and carried
// location. A body slot holds, at the start of each body iteration, the
// value its source counterpart has there: phis get the preamble's (then
// the body's) jump values; invariants are equal in every iteration by
// definition; carried locations hold what the previous iteration left in
// memory, since nothing between the end of one iteration and the body's
// first load of the location writes it.
#include "jit/opt/peel.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/snapshots.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

class Peeler {
 public:
  explicit Peeler(const Trace& s) : s_(s), rw_(s) {}

  bool is_loop() {
    int labels = 0;
    for (uint32_t i = 0; i < s_.num_ops(); i++)
      if (s_.op(i).opcode == Opcode::kLabel) labels++, label_ = i;
    if (labels != 1 || s_.num_ops() == 0) return false;
    jump_ = s_.num_ops() - 1;
    const Op& j = s_.op(jump_);
    return j.opcode == Opcode::kJump && j.descr == s_.op(label_).descr;
  }

  Trace run() {
    analyze();
    // The preamble: everything up to the jump, as it is.
    for (uint32_t i = s_.num_inputs(); i < jump_; i++) rw_.copy(i);
    std::vector<Ref> pre_jump;
    for (Ref a : s_.args(jump_)) pre_jump.push_back(rw_.map(a));
    Trace& out = rw_.out();

    // The body label's operands: phis, needed invariants, carried locations.
    std::vector<Ref> slots;
    std::unordered_set<uint32_t> seen;
    auto add_slot = [&](Ref r, Type t) {
      if (!r.is_value() || !seen.insert(r.index()).second) {
        r = out.emit(Opcode::kSameAs, {r}, kNoDescr, kNoSnapshot, t);
        seen.insert(r.index());
      }
      slots.push_back(r);
      return r;
    };
    auto largs = s_.args(label_);
    auto jargs = s_.args(jump_);
    std::vector<std::pair<uint32_t, Ref>> binds;  // source value -> body Ref
    // The loop's own slots first, in order (so a body iteration's jump
    // values read like the source loop's), invariant ones passed back as is.
    std::vector<Ref> slot_of(largs.size());
    for (uint32_t k = 0; k < largs.size(); k++) {
      bool inv = inv_[largs[k].index()];
      slot_of[k] = add_slot(inv ? rw_.map(largs[k]) : pre_jump[k], s_.type_of(largs[k]));
      binds.push_back({largs[k].index(), slot_of[k]});
    }
    std::vector<Ref> inv_slots;
    for (uint32_t v : needed_) {
      if (is_label_arg_[v]) continue;
      Ref p = rw_.map(Ref::value(v));
      if (p.is_const()) {
        binds.push_back({v, p});
        continue;
      }
      Ref x = add_slot(p, s_.type_of(Ref::value(v)));
      binds.push_back({v, x});
      inv_slots.push_back(x);
    }
    std::vector<Ref> carried_slots;
    for (const Track& t : carried_) {
      const Descr& d = s_.descr(t.loc.descr);
      Ref init = t.narrow ? loaded_value(out, rw_.map(t.end), d) : rw_.map(t.end);
      Ref x = add_slot(init, s_.type_of(Ref::value(t.first_load)));
      binds.push_back({t.first_load, x});
      carried_slots.push_back(x);
    }
    DescrId target = kNoDescr;
    if (s_.op(label_).descr != kNoDescr) {
      std::vector<Type> types;
      for (Ref r : slots) types.push_back(out.type_of(r));
      target = out.descrs().add_fresh_target(s_.descr(s_.op(label_).descr).name + "_body", types);
    }
    out.emit(Opcode::kLabel, std::span<const Ref>(slots), target);

    // The body.
    for (auto [v, r] : binds) rw_.forward(v, r);
    for (uint32_t i = label_ + 1; i < jump_; i++)
      if (emitted(i)) rw_.copy(i);
    std::vector<Ref> jump;
    for (uint32_t k = 0; k < largs.size(); k++)
      jump.push_back(inv_[largs[k].index()] ? slot_of[k] : rw_.map(jargs[k]));
    for (Ref x : inv_slots) jump.push_back(x);
    for (const Track& t : carried_) {
      const Descr& d = s_.descr(t.loc.descr);
      jump.push_back(t.narrow ? loaded_value(out, rw_.map(t.end), d) : rw_.map(t.end));
    }
    out.emit(Opcode::kJump, std::span<const Ref>(jump), target);
    return rw_.take();
  }

 private:
  struct Track {
    Location loc;
    uint32_t first_load = 0;
    bool has_load = false;
    Ref end;  // source Ref: the value the location holds at the iteration's end
    bool narrow = false;
    bool valid = true;
    bool written = false;
  };

  bool invariant(Ref r) const { return !r.is_value() || inv_[r.index()]; }
  bool args_invariant(uint32_t i) const {
    for (Ref a : s_.args(i))
      if (!invariant(a)) return false;
    return true;
  }
  Location loc_of(uint32_t i) const {
    OpAccess a = access_of(s_.op(i).opcode);
    return location_of(s_, label_, i, s_.arg(i, 0), a.array ? s_.arg(i, 1) : Ref());
  }
  // Whether the body may write location `l`.
  bool body_writes(const Location& l) const {
    if (is_immutable(s_, l)) return false;
    if (writes_all_) return true;
    for (const Location& st : stores_)
      if (may_alias(s_, st, l)) return true;
    return false;
  }

  bool redundant_guard(uint32_t i) const {
    switch (s_.op(i).opcode) {
      case Opcode::kGuardTrue: case Opcode::kGuardFalse: case Opcode::kGuardValue:
      case Opcode::kGuardNonnull: case Opcode::kGuardIsnull:
        return args_invariant(i);
      case Opcode::kGuardClass: {
        if (!args_invariant(i)) return false;
        Location l;
        l.descr = s_.op(i).descr;
        l.base = s_.arg(i, 0);
        return !body_writes(l);
      }
      case Opcode::kGuardNoOverflow: case Opcode::kGuardOverflow:
        return i > 0 && is_ovf(s_.op(i - 1).opcode) && inv_[i - 1];
      default: return false;
    }
  }

  bool emitted(uint32_t i) const {
    if (inv_[i] || carried_load_[i]) return false;
    if (is_guard(s_.op(i).opcode) && redundant_guard(i)) return false;
    return true;
  }

  void analyze() {
    uint32_t n = s_.num_ops();
    inv_.assign(n, 0);
    carried_load_.assign(n, 0);
    is_label_arg_.assign(n, 0);
    auto largs = s_.args(label_);
    auto jargs = s_.args(jump_);
    for (size_t k = 0; k < largs.size(); k++) {
      is_label_arg_[largs[k].index()] = 1;
      if (jargs[k] == largs[k]) inv_[largs[k].index()] = 1;
    }
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      OpAccess a = access_of(s_.op(i).opcode);
      if (a.kind == Access::kStore) stores_.push_back(loc_of(i));
      else if (s_.effects_of(i) & kClobbersMemory) writes_all_ = true;
    }
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const Op& op = s_.op(i);
      Effects e = s_.effects_of(i);
      if (op.type == Type::kVoid || !args_invariant(i)) continue;
      OpAccess a = access_of(op.opcode);
      if ((e & effect::kPure) && !(e & effect::kMayRaise)) inv_[i] = 1;
      else if (is_ovf(op.opcode)) inv_[i] = 1;
      else if ((a.kind == Access::kLoad || a.kind == Access::kLength) && !body_writes(loc_of(i))) inv_[i] = 1;
    }
    find_carried();
    // Invariant values the emitted body needs.
    std::vector<uint8_t> need(n, 0);
    auto use = [&](Ref r) {
      if (r.is_value() && inv_[r.index()]) need[r.index()] = 1;
    };
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      if (!emitted(i)) continue;
      for (Ref a : s_.args(i)) use(a);
      if (s_.op(i).snapshot != kNoSnapshot)
        for_each_snapshot_value(s_, s_.op(i).snapshot, use);
    }
    for (size_t k = 0; k < largs.size(); k++)
      if (!inv_[largs[k].index()]) use(jargs[k]);
    for (const Track& t : carried_) use(t.end);
    for (uint32_t v = 0; v < n; v++)
      if (need[v]) needed_.push_back(v);
  }

  // Locations of invariant address the body loads first and then writes.
  void find_carried() {
    std::vector<Track> tracks;
    std::vector<Location> prior_stores;
    bool prior_all = false;
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const Op& op = s_.op(i);
      OpAccess a = access_of(op.opcode);
      if (a.kind == Access::kLoad) {
        if (!args_invariant(i) || inv_[i]) continue;
        Location l = loc_of(i);
        Track* t = nullptr;
        for (Track& x : tracks)
          if (must_alias(x.loc, l)) t = &x;
        if (t) {
          if (t->valid) t->end = Ref::value(i), t->narrow = false;
          continue;
        }
        Track nt;
        nt.loc = l;
        nt.first_load = i;
        nt.has_load = true;
        nt.end = Ref::value(i);
        nt.valid = !(prior_all && !is_immutable(s_, l));
        for (const Location& p : prior_stores)
          if (may_alias(s_, p, l)) nt.valid = false;
        tracks.push_back(nt);
      } else if (a.kind == Access::kStore) {
        Location l = loc_of(i);
        Ref v = s_.arg(i, op.num_args - 1);
        bool inv_addr = invariant(s_.arg(i, 0)) && (!a.array || invariant(s_.arg(i, 1)));
        for (Track& t : tracks) {
          if (inv_addr && must_alias(t.loc, l)) t.end = v, t.narrow = true, t.written = true;
          else if (may_alias(s_, t.loc, l)) t.valid = false;
        }
        prior_stores.push_back(l);
      } else if (s_.effects_of(i) & kClobbersMemory) {
        prior_all = true;
        for (Track& t : tracks)
          if (!is_immutable(s_, t.loc)) t.valid = false;
      }
    }
    for (const Track& t : tracks)
      if (t.valid && t.has_load && t.written) {
        carried_.push_back(t);
        carried_load_[t.first_load] = 1;
      }
  }

  const Trace& s_;
  Rewriter rw_;
  uint32_t label_ = 0, jump_ = 0;
  std::vector<uint8_t> inv_;
  std::vector<Location> stores_;
  bool writes_all_ = false;
  std::vector<uint32_t> needed_;
  std::vector<Track> carried_;
  std::vector<uint8_t> carried_load_;  // per source op
  std::vector<uint8_t> is_label_arg_;  // per source op
};

}  // namespace

Trace peel(const Trace& src) {
  Peeler p(src);
  if (!p.is_loop()) return copy_trace(src);
  return p.run();
}

}  // namespace pyrite::jit::opt
