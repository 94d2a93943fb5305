// heap (heap.h, docs/jit_opt.md "heap").
//
// Invariants: every cache entry's value is what its location holds at the
// current point of the output trace, counting the pending (delayed)
// stores as done; pending stores are kept in source order and emitted
// before anything that could observe memory: a guard (a failing guard
// resumes the interpreter, which reads memory; a guard that holds on
// constants is dropped instead), a call that reads or
// writes, a load that may alias one of them, an *_ovf op or call_may_force
// (so nothing comes between it and its guard), a label, jump or finish.
// A pending store is dropped only when a later store to the same location
// (same descr, so same width) replaces it before any of those.
#include "jit/opt/heap.h"

#include <array>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/fold.h"
#include "jit/opt/label.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

using Loc = Location;

struct Entry {
  Loc loc;
  Ref value;
  bool narrow = false;  // value was stored: a load sees it truncated to the descr's width
};

struct Pending {
  Loc loc;
  Opcode opcode;
  std::array<Ref, 3> args;  // output Refs (a store has two or three)
  uint8_t num_args;
  DescrId descr;
};

class Heap {
 public:
  explicit Heap(const Trace& src) : src_(src), rw_(src) {}

  Trace run() {
    for (uint32_t i = src_.num_inputs(); i < src_.num_ops(); i++) visit(i);
    return rw_.take();
  }

 private:
  Trace& out() { return rw_.out(); }
  const Descr& descr(DescrId d) const { return src_.descr(d); }

  Loc loc_of(uint32_t i, OpAccess a) {
    Ref base = rw_.map(src_.arg(i, 0));
    Ref index = a.array ? rw_.map(src_.arg(i, 1)) : Ref();
    return location_of(out(), region_start_, src_.op(i).opcode, src_.op(i).descr, base, index);
  }
  bool may_alias(const Loc& a, const Loc& b) { return opt::may_alias(out(), a, b); }

  void flush() {
    for (Pending& p : pending_) out().emit(p.opcode, std::span<const Ref>(p.args.data(), p.num_args), p.descr);
    pending_.clear();
  }
  void flush_aliasing(const Loc& l) {
    for (const Pending& p : pending_)
      if (may_alias(p.loc, l)) return flush();
  }

  void invalidate_all(bool keep_immutable) {
    std::erase_if(cache_, [&](const Entry& e) {
      return !(e.loc.length || (keep_immutable && is_immutable(out(), e.loc)));
    });
  }

  Entry* find(const Loc& l) {
    for (Entry& e : cache_)
      if (must_alias(e.loc, l)) return &e;
    return nullptr;
  }

  void load(uint32_t i, OpAccess a) {
    Loc l = loc_of(i, a);
    if (Entry* e = find(l)) {
      if (e->narrow) {
        e->value = loaded_value(out(), e->value, descr(l.descr));
        e->narrow = false;
      }
      rw_.forward(i, e->value);
      return;
    }
    flush_aliasing(l);
    Ref r = rw_.copy(i);
    cache_.push_back(Entry{l, r, false});
  }

  void store(uint32_t i, OpAccess a) {
    Loc l = loc_of(i, a);
    auto args = src_.args(i);
    Ref v = rw_.map(args[args.size() - 1]);
    Entry* e = find(l);
    if (e && e->value == v) {
      rw_.forward(i, Ref());  // the location already holds v
      return;
    }
    // Entries this store may overwrite are stale; a pending store to the
    // same location is dead (this one replaces it, after everything else).
    std::erase_if(cache_, [&](const Entry& x) { return may_alias(x.loc, l); });
    std::erase_if(pending_, [&](const Pending& p) { return must_alias(p.loc, l); });
    Pending p{l, src_.op(i).opcode, {}, static_cast<uint8_t>(args.size()), src_.op(i).descr};
    for (size_t k = 0; k < args.size(); k++) p.args[k] = rw_.map(args[k]);
    pending_.push_back(p);
    cache_.push_back(Entry{l, v, true});
    rw_.forward(i, Ref());
  }

  void visit(uint32_t i) {
    const Op& op = src_.op(i);
    OpAccess a = access_of(op.opcode);
    if (a.kind == Access::kLoad || a.kind == Access::kLength) return load(i, a);
    if (a.kind == Access::kStore) return store(i, a);
    if (op.opcode == Opcode::kLabel) {
      flush();
      cache_.clear();
      region_start_ = copy_label(rw_, i);
      return;
    }
    // A guard that holds on the constants forwarding made of its operands
    // (a cell just stored, loaded again) goes, and pending stores stay
    // pending across it: a store it separated from a later one to the same
    // cell is dead (a loop's preamble copied after a bridge's stores).
    if (is_guard(op.opcode) && op.num_args > 0) {
      auto args = src_.args(i);
      if (guard_on_constants(out(), op.opcode, rw_.map(args[0]), args.size() > 1 ? rw_.map(args[1]) : Ref()) == 1) {
        rw_.forward(i, Ref());
        return;
      }
    }
    Effects e = src_.effects_of(i);
    if ((e & (effect::kGuard | effect::kOvf)) || observes_memory(e, op.opcode)) flush();
    if (e & kClobbersMemory) invalidate_all(true);
    rw_.copy(i);
  }

  const Trace& src_;
  Rewriter rw_;
  std::vector<Entry> cache_;
  std::vector<Pending> pending_;
  uint32_t region_start_ = 0;  // the last label emitted
};

}  // namespace

Trace heap(const Trace& src) { return Heap(src).run(); }

}  // namespace pyrite::jit::opt
