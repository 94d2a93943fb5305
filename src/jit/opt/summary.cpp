// Loop summaries (summary.h, docs/jit_opt.md "Loop summaries").
//
// One walk over the recorded iteration evaluates it symbolically: every
// value is invariant (then it is copied into the summary, deduplicated), a
// location's entry value plus a constant modulo 2^width, or a zero test of
// such a value. A location's current value is what the iteration stored
// there last. Anything else refuses the loop.
#include "jit/opt/summary.h"

#include <bit>
#include <map>
#include <unordered_map>

#include "jit/opt/alias.h"
#include "jit/opt/modular.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

struct Sym {
  enum class Kind : uint8_t { kRefused, kInv, kCell, kTest };
  Kind kind = Kind::kRefused;
  Ref inv;            // kInv: the value in the summary (a constant or an op)
  uint32_t loc = 0;   // kCell, kTest: the location
  uint64_t off = 0;   // kCell: entry + off, modulo 2^width
  int width = 64;
  bool exact = true;  // kCell: the value is that residue, in [0, 2^width)
  bool nonzero = true;  // kTest: 1 when the cell value is not zero (else when it is)
  static Sym invariant(Ref r) { return {Kind::kInv, r}; }
};

struct Loc {
  DescrId descr;
  Opcode load_op;  // the load the iteration used or implies
  bool raw = false;
  Ref base, index;  // in the summary; index none for fields
  Ref root;         // index = root + off (root none: a constant index)
  int64_t off = 0;
  Ref entry;        // the summary's load of the entry value, once needed
  std::optional<Sym> current;  // what the iteration stored last
  int store_order = -1;
};

Opcode load_for_store(Opcode store) {
  switch (store) {
    case Opcode::kSetarrayitemRaw: return Opcode::kGetarrayitemRawI;
    case Opcode::kSetarrayitemGc: return Opcode::kGetarrayitemGcI;
    case Opcode::kSetfieldRaw: return Opcode::kGetfieldRawI;
    default: return Opcode::kGetfieldGcI;
  }
}

class Summarizer {
 public:
  explicit Summarizer(const Trace& src) : src_(src), out_(src.shared_descrs()), b_(out_) {}

  std::optional<LoopSummary> run() {
    std::optional<uint32_t> label = src_.loop_label();
    uint32_t n = src_.num_ops();
    if (!label || n == 0) return std::nullopt;
    const Op& jump = src_.op(n - 1);
    if (jump.opcode != Opcode::kJump || jump.descr != src_.op(*label).descr) return std::nullopt;
    auto largs = src_.args(*label);
    if (largs.size() != src_.num_inputs()) return std::nullopt;
    sym_.assign(n, Sym{});
    for (uint32_t k = 0; k < largs.size(); k++) {
      if (largs[k] != src_.input(k)) return std::nullopt;
      Ref in = out_.add_input(src_.type_of(largs[k]));
      sym_[k] = Sym::invariant(in);
      root_[in.bits()] = {in, 0};
    }
    for (uint32_t i = *label + 1; i + 1 < n; i++)
      if (!step(i)) return std::nullopt;
    if (exit_guard_ < 0) return std::nullopt;
    // The jump passes the reds back as they came.
    auto jargs = src_.args(n - 1);
    for (uint32_t k = 0; k < jargs.size(); k++) {
      Sym s = value(jargs[k]);
      if (s.kind != Sym::Kind::kInv || s.inv != out_.input(k)) return std::nullopt;
    }
    return finish();
  }

 private:
  Sym value(Ref r) {
    if (r.is_const()) {
      const Const& c = src_.constant(r);
      return Sym::invariant(out_.intern(c.type, c.bits));
    }
    if (!r.is_value()) return {};
    return sym_[r.index()];
  }

  std::optional<uint64_t> int_const(const Sym& s) const {
    if (s.kind != Sym::Kind::kInv || !s.inv.is_const()) return std::nullopt;
    const Const& c = out_.constant(s.inv);
    if (c.type != Type::kInt) return std::nullopt;
    return c.bits;
  }

  // An invariant op of the summary, emitted once per (opcode, operands).
  Ref emit_inv(Opcode op, std::span<const Ref> args, DescrId d = kNoDescr) {
    // p + c and p - c of an invariant p are root + offset, so that an
    // index computed two ways (`>` then `<`) is one value.
    if ((op == Opcode::kIntAdd || op == Opcode::kIntSub) && args.size() == 2 && args[1].is_const() &&
        out_.constant(args[1]).type == Type::kInt && !args[0].is_const()) {
      auto [root, off] = root_of(args[0]);
      int64_t c = out_.constant(args[1]).as_int();
      int64_t total = op == Opcode::kIntAdd ? off + c : off - c;
      if (total == 0) return root;
      auto key = std::make_pair(root.bits(), total);
      if (auto it = by_root_.find(key); it != by_root_.end()) return it->second;
      Ref r = out_.emit(Opcode::kIntAdd, {root, out_.const_int(total)});
      by_root_[key] = r;
      root_[r.bits()] = {root, total};
      return r;
    }
    std::vector<uint64_t> key{static_cast<uint64_t>(op), static_cast<uint64_t>(d)};
    for (Ref a : args) key.push_back(a.bits());
    if (auto it = cse_.find(key); it != cse_.end()) return it->second;
    Ref r = out_.emit(op, args, d);
    cse_[key] = r;
    root_[r.bits()] = {r, 0};
    return r;
  }

  std::pair<Ref, int64_t> root_of(Ref r) const {
    if (auto it = root_.find(r.bits()); it != root_.end()) return it->second;
    return {r, 0};
  }

  bool step(uint32_t i) {
    const Op& op = src_.op(i);
    if (op.opcode == Opcode::kDebugMergePoint) return true;
    Effects e = src_.effects_of(i);
    auto args = src_.args(i);
    // A pure op whose value the summary cannot express refuses the loop
    // only where it is used (a store, a guard, the jump, the exit state).
    if ((e & effect::kPure) && (e & ~(effect::kPure | effect::kCommutative)) == 0) {
      sym_[i] = pure(op, args);
      return true;
    }
    if (exit_guard_ >= 0) return false;  // the exit test ends the iteration's effects
    OpAccess a = access_of(op.opcode);
    if (a.kind == Access::kLoad) return load(i, op, args, a);
    if (a.kind == Access::kStore) return store(op, args, a);
    if (op.opcode == Opcode::kGuardTrue || op.opcode == Opcode::kGuardFalse ||
        op.opcode == Opcode::kGuardValue)
      return guard(i, op, args);
    return false;
  }

  Sym pure(const Op& op, std::span<const Ref> args) {
    std::vector<Sym> x;
    bool all_inv = true;
    for (Ref r : args) {
      x.push_back(value(r));
      if (x.back().kind == Sym::Kind::kRefused) return {};
      all_inv &= x.back().kind == Sym::Kind::kInv;
    }
    if (op.opcode == Opcode::kSameAs) return x[0];
    if (all_inv) {
      std::vector<Ref> refs;
      for (const Sym& s : x) refs.push_back(s.inv);
      return Sym::invariant(emit_inv(op.opcode, refs, op.descr));
    }
    switch (op.opcode) {
      case Opcode::kIntAdd:
      case Opcode::kIntSub: {
        std::optional<uint64_t> c = int_const(x[1]);
        Sym v = x[0];
        if (!c && op.opcode == Opcode::kIntAdd) c = int_const(x[0]), v = x[1];
        if (!c || v.kind != Sym::Kind::kCell) return {};
        v.off += op.opcode == Opcode::kIntAdd ? *c : -*c;
        v.exact = v.width == 64;
        return v;
      }
      case Opcode::kIntAnd: {
        std::optional<uint64_t> c = int_const(x[1]);
        Sym v = x[0];
        if (!c) c = int_const(x[0]), v = x[1];
        int w = c ? mask_width(*c) : -1;
        if (w < 0 || v.kind != Sym::Kind::kCell || v.width < w) return {};
        v.width = w;
        v.off &= mask_of(w);
        v.exact = true;
        return v;
      }
      case Opcode::kIntNe:
      case Opcode::kIntEq: {
        std::optional<uint64_t> z = int_const(x[1]);
        Sym v = x[0];
        if (!z) z = int_const(x[0]), v = x[1];
        if (!z || *z != 0 || v.kind != Sym::Kind::kCell || !v.exact) return {};
        v.kind = Sym::Kind::kTest;
        v.nonzero = op.opcode == Opcode::kIntNe;
        return v;
      }
      case Opcode::kIntIsTrue:
      case Opcode::kIntIsZero: {
        Sym v = x[0];
        if (v.kind != Sym::Kind::kCell || !v.exact) return {};
        v.kind = Sym::Kind::kTest;
        v.nonzero = op.opcode == Opcode::kIntIsTrue;
        return v;
      }
      default:
        return {};
    }
  }

  // The location an access with (mapped) base and index names; -1 when it
  // is not invariant or might alias another location.
  int32_t location(const Op& op, std::span<const Ref> args, OpAccess a, Opcode load_op) {
    Sym base = value(args[0]);
    if (base.kind != Sym::Kind::kInv) return -1;
    Loc l{op.descr, load_op, a.raw, base.inv, Ref(), Ref(), 0, Ref(), std::nullopt, -1};
    if (a.array) {
      Sym index = value(args[1]);
      if (index.kind != Sym::Kind::kInv) return -1;
      l.index = index.inv;
      if (index.inv.is_const()) {
        l.off = out_.constant(index.inv).as_int();
      } else {
        auto [root, off] = root_of(index.inv);
        l.root = root;
        l.off = off;
      }
    }
    const Descr& d = out_.descr(op.descr);
    if (d.type != Type::kInt) return -1;
    for (uint32_t k = 0; k < locs_.size(); k++) {
      const Loc& o = locs_[k];
      if (o.descr == l.descr && o.base == l.base && o.root == l.root) {
        if (!a.array || o.off == l.off) return static_cast<int32_t>(k);
        continue;  // one array, one root, another offset: distinct
      }
      if (o.raw != l.raw) continue;                // raw and GC memory never alias
      if (!o.raw && o.descr != l.descr) continue;  // GC descrs of two names never alias
      return -1;                                   // might be the same memory
    }
    locs_.push_back(l);
    return static_cast<int32_t>(locs_.size() - 1);
  }

  // The value a load of `loc` gives when `v` is stored there: the stored
  // bits narrowed to the location's width, extended as its descr says.
  Sym as_loaded(const Loc& loc, Sym v) {
    const Descr& d = out_.descr(loc.descr);
    int w = d.size * 8;
    if (v.kind == Sym::Kind::kInv) {
      if (!v.inv.is_const() || w == 64) return w == 64 ? v : Sym{};
      uint64_t bits = out_.constant(v.inv).bits & mask_of(w);
      if (d.is_signed && (bits >> (w - 1))) bits |= ~mask_of(w);
      return Sym::invariant(out_.const_int(static_cast<int64_t>(bits)));
    }
    if (v.kind != Sym::Kind::kCell || v.width < w) return {};
    v.width = w;
    v.off &= mask_of(w);
    v.exact = !d.is_signed || w == 64;
    return v;
  }

  bool load(uint32_t i, const Op& op, std::span<const Ref> args, OpAccess a) {
    int32_t k = location(op, args, a, op.opcode);
    if (k < 0) return false;
    Loc& l = locs_[k];
    if (l.load_op != op.opcode) return false;
    if (l.current) {
      sym_[i] = as_loaded(l, *l.current);
      return sym_[i].kind != Sym::Kind::kRefused;
    }
    if (l.entry.is_none()) {
      std::vector<Ref> refs{l.base};
      if (a.array) refs.push_back(l.index);
      l.entry = out_.emit(op.opcode, refs, op.descr);
    }
    const Descr& d = out_.descr(op.descr);
    Sym s;
    s.kind = Sym::Kind::kCell;
    s.loc = static_cast<uint32_t>(k);
    s.width = d.size * 8;
    s.exact = !d.is_signed || d.size == 8;
    sym_[i] = s;
    return true;
  }

  bool store(const Op& op, std::span<const Ref> args, OpAccess a) {
    int32_t k = location(op, args, a, load_for_store(op.opcode));
    if (k < 0) return false;
    Sym v = value(args.back());
    if (v.kind == Sym::Kind::kRefused || v.kind == Sym::Kind::kTest) return false;
    if (v.kind == Sym::Kind::kCell && v.loc != static_cast<uint32_t>(k)) return false;
    Loc& l = locs_[k];
    if (l.store_order < 0) l.store_order = stores_++;
    l.current = v;
    return true;
  }

  bool guard(uint32_t i, const Op& op, std::span<const Ref> args) {
    std::vector<Ref> refs;
    bool all_inv = true;
    for (Ref r : args) {
      Sym s = value(r);
      if (s.kind == Sym::Kind::kRefused) return false;
      all_inv &= s.kind == Sym::Kind::kInv;
      refs.push_back(s.inv);
    }
    if (all_inv) {
      if (refs[0].is_const()) return false;  // the recorder folds these; do not guess
      out_.emit(op.opcode, refs, op.descr, SnapshotId{0});
      return true;
    }
    // The exit: the loop goes on while the counter is not zero.
    if (exit_guard_ >= 0 || op.opcode == Opcode::kGuardValue) return false;
    Sym s = value(args[0]);
    bool goes_on_nonzero = s.kind == Sym::Kind::kCell ? op.opcode == Opcode::kGuardTrue
                                                      : s.nonzero == (op.opcode == Opcode::kGuardTrue);
    if (!goes_on_nonzero || !s.exact) return false;
    exit_guard_ = static_cast<int32_t>(i);
    tested_ = s;
    return true;
  }

  std::optional<LoopSummary> finish() {
    // The counter: tested at its full width, as it ends the iteration.
    Loc& x = locs_[tested_.loc];
    const Descr& xd = out_.descr(x.descr);
    int w = xd.size * 8;
    if (!x.current || x.current->kind != Sym::Kind::kCell || x.current->loc != tested_.loc ||
        tested_.width != w || x.entry.is_none())
      return std::nullopt;
    Sym xc = as_loaded(x, *x.current);
    uint64_t m = mask_of(w);
    uint64_t c = xc.off & m;
    if (xc.kind != Sym::Kind::kCell || (tested_.off & m) != c || (c & 1) == 0) return std::nullopt;
    // The exit state: invariant slots only.
    LoopSummary s{Trace(out_.shared_descrs()), {}};
    std::vector<Ref> exit_values;
    const SnapshotTable& st = src_.snapshots();
    SnapshotBuilder guards_snapshot;
    for (uint32_t f : st.frames_of(src_.op(exit_guard_).snapshot)) {
      const SnapFrame& fr = st.frame(f);
      LoopSummary::Frame frame{fr.kind, fr.pc, fr.size, {}};
      guards_snapshot.push_frame(fr.kind, fr.pc, fr.size);
      for (const SnapEntry& e : st.entries(fr)) {
        Sym v = value(e.ref);
        if (v.kind != Sym::Kind::kInv) return std::nullopt;
        frame.slots.push_back(e.slot);
        exit_values.push_back(v.inv);
      }
      s.frames.push_back(std::move(frame));
    }
    if (st.frames_of(src_.op(exit_guard_).snapshot).empty()) return std::nullopt;
    SnapshotId snap = out_.add_snapshot(guards_snapshot);
    if (snap != SnapshotId{0}) return std::nullopt;
    // T = -x0 * c^-1 mod 2^w iterations, x0 != 0.
    Ref x0 = x.entry;
    out_.emit(Opcode::kGuardTrue, {x0}, kNoDescr, snap);
    uint64_t inv = odd_inverse(c) & m;
    bool x0_exact = !xd.is_signed || w == 64;
    Ref trips;
    if (inv == m) {
      trips = x0_exact ? x0 : b_.int_and(x0, static_cast<int64_t>(m));
    } else {
      trips = b_.int_neg(x0);
      if (inv != 1) trips = b_.int_mul(trips, static_cast<int64_t>(inv));
      if (w < 64) trips = b_.int_and(trips, static_cast<int64_t>(m));
    }
    // The stores, in the order the iteration first made them.
    std::vector<uint32_t> order(stores_);
    for (uint32_t k = 0; k < locs_.size(); k++)
      if (locs_[k].store_order >= 0) order[locs_[k].store_order] = k;
    for (uint32_t k : order) {
      Loc& l = locs_[k];
      const Descr& d = out_.descr(l.descr);
      uint64_t lm = mask_of(d.size * 8);
      Ref v;
      if (k == tested_.loc) {
        v = out_.const_int(0);
      } else if (l.current->kind == Sym::Kind::kInv) {
        v = l.current->inv;
      } else {
        Sym now = as_loaded(l, *l.current);
        if (now.kind != Sym::Kind::kCell || l.entry.is_none()) return std::nullopt;
        uint64_t a = now.off & lm;
        if (a == 0) continue;  // stores what it loaded
        if (a == 1) v = b_.int_add(l.entry, trips);
        else if (a == lm) v = b_.int_sub(l.entry, trips);
        else v = b_.int_add(l.entry, b_.int_mul(trips, static_cast<int64_t>(a)));
      }
      Opcode store = l.load_op == Opcode::kGetarrayitemRawI ? Opcode::kSetarrayitemRaw
                     : l.load_op == Opcode::kGetarrayitemGcI ? Opcode::kSetarrayitemGc
                     : l.load_op == Opcode::kGetfieldRawI  ? Opcode::kSetfieldRaw
                                                            : Opcode::kSetfieldGc;
      if (l.index.is_none()) out_.emit(store, {l.base, v}, l.descr);
      else out_.emit(store, {l.base, l.index, v}, l.descr);
    }
    out_.emit(Opcode::kFinish, std::span<const Ref>(exit_values));
    s.ops = std::move(out_);
    return s;
  }

  const Trace& src_;
  Trace out_;
  Builder b_;
  std::vector<Sym> sym_;
  std::vector<Loc> locs_;
  int stores_ = 0;
  int32_t exit_guard_ = -1;
  Sym tested_;
  std::map<std::vector<uint64_t>, Ref> cse_;
  std::map<std::pair<uint32_t, int64_t>, Ref> by_root_;
  std::unordered_map<uint32_t, std::pair<Ref, int64_t>> root_;
};

}  // namespace

std::optional<LoopSummary> summarize(const Trace& recorded) { return Summarizer(recorded).run(); }

}  // namespace pyrite::jit::opt
