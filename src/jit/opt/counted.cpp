// counted (counted.h, docs/jit_opt.md "counted").
//
// Invariant: the rewritten body is the source body run once on the state
// the source loop reaches after t iterations, where t is at most the
// number of iterations in which every guard passes. Skipping them is
// invisible: they only compute values (recomputed here from the advanced
// counters) and store to locations the kept iteration stores to again
// before its first guard, or to locations that hold, whenever the body
// begins, the invariant value the body's last store there leaves
// (settled), or a phi's value (tracked: the rewrite stores its advanced
// value there).
#include "jit/opt/counted.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/fold.h"
#include "jit/opt/label.h"
#include "jit/opt/modular.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

// A value of the body as a function of one phi: value = phi + offset
// modulo 2^width; `exact` when the value itself is that residue (in
// [0, 2^width)), which is always so at width 64.
struct Affine {
  uint32_t phi;
  uint64_t offset;
  int width;
  bool exact;
};

bool is_store(Opcode o) {
  return o == Opcode::kSetfieldGc || o == Opcode::kSetfieldRaw || o == Opcode::kSetarrayitemGc ||
         o == Opcode::kSetarrayitemRaw;
}

class CountedLoop {
 public:
  CountedLoop(const Trace& t, uint32_t label, uint32_t jump)
      : t_(t), label_(label), jump_(jump), phi_of_(t.num_ops(), -1) {
    while (entry_ < label_ && t.op(entry_).opcode != Opcode::kLabel) entry_++;
    auto largs = t.args(label);
    for (uint32_t k = 0; k < largs.size(); k++)
      if (largs[k].is_value()) phi_of_[largs[k].index()] = static_cast<int32_t>(k);
  }

  // Whether the body is a counted loop; fills the counters and the guard.
  bool analyze() {
    auto largs = t_.args(label_);
    auto jargs = t_.args(jump_);
    if (largs.size() != jargs.size()) return false;
    step_.assign(largs.size(), std::nullopt);
    bool any_counter = false;
    for (uint32_t k = 0; k < largs.size(); k++) {
      if (!largs[k].is_value()) return false;
      if (jargs[k] == largs[k]) continue;  // invariant
      std::optional<Affine> a = affine(jargs[k]);
      if (!a || a->phi != k || !a->exact) return false;
      if (a->width < 64 && !in_range(largs[k], a->width)) return false;
      step_[k] = a;
      any_counter = true;
    }
    if (!any_counter) return false;
    // The body: guards on counters, pure ops, markers, and stores of
    // invariant address; a store after the first guard must go where one
    // before it goes (the last, partial iteration stores there too), or
    // to a settled or tracked location (after_first_guard).
    guards_.clear();
    tracked_.clear();
    std::vector<uint32_t> early_stores;
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const Op& op = t_.op(i);
      Effects e = t_.effects_of(i);
      if (op.opcode == Opcode::kDebugMergePoint) continue;
      if (op.opcode == Opcode::kGuardTrue || op.opcode == Opcode::kGuardFalse) {
        guards_.push_back(i);
        continue;
      }
      if (is_store(op.opcode) && !(e & effect::kCall)) {
        auto args = t_.args(i);
        for (size_t k = 0; k + 1 < args.size(); k++)
          if (!invariant(args[k])) return false;
        if (guards_.empty()) {
          early_stores.push_back(i);
        } else if (!std::any_of(early_stores.begin(), early_stores.end(),
                                [&](uint32_t s) { return same_address(s, i); }) &&
                   !after_first_guard(i)) {
          return false;
        }
        continue;
      }
      if ((e & ~(effect::kPure | effect::kCommutative)) != 0 || !(e & effect::kPure)) return false;
    }
    if (guards_.empty()) return false;
    tests_.clear();
    for (uint32_t guard : guards_) {
      std::optional<Affine> g = tested_counter(guard);
      if (!g || !step_[g->phi]) return false;
      const Affine& s = *step_[g->phi];
      if (s.width < g->width || (s.offset & mask_of(g->width)) == 0) return false;
      tests_.push_back(*g);
    }
    return true;
  }

  Trace rewrite() {
    Rewriter rw(t_);
    for (uint32_t i = t_.num_inputs(); i < label_; i++) rw.copy(i);
    uint32_t region = copy_label(rw, label_);
    Builder& b = rw.builder();
    auto largs = t_.args(label_);
    // A counter's new value through fold's rules: phi - (phi - 1) is 1.
    auto folded = [&](Opcode op, Ref x, Ref y) {
      Ref r = simplify(rw.out(), region, op, x, y);
      if (!r.is_none()) return r;
      Ref ops[2] = {x, y};
      return rw.out().emit(op, std::span<const Ref>(ops, 2), kNoDescr, kNoSnapshot, Type::kInt);
    };
    // Per guard, t_g = -(phi + c_guard) * c_step^-1 mod 2^w: the
    // iterations in which it passes; t is the least of them.
    Ref trips;
    for (const Affine& g : tests_) {
      Ref t = trips_of(rw, g);
      trips = trips.is_none() ? t : unsigned_min(b, trips, t);
    }
    // Every counter advanced by t steps.
    for (uint32_t k = 0; k < largs.size(); k++) {
      if (!step_[k]) continue;
      const Affine& s = *step_[k];
      uint64_t mk = mask_of(s.width);
      uint64_t c = s.offset & mk;
      Ref p = rw.map(largs[k]);
      Ref v;
      if (c == 1) {
        v = folded(Opcode::kIntAdd, p, trips);
      } else if (c == mk) {
        v = folded(Opcode::kIntSub, p, trips);
      } else {
        v = folded(Opcode::kIntAdd, p, b.int_mul(trips, static_cast<int64_t>(c)));
      }
      if (s.width < 64) v = folded(Opcode::kIntAnd, v, b.const_int(static_cast<int64_t>(mk)));
      rw.forward(largs[k].index(), v);
    }
    // Tracked locations hold their phi's advanced value, as after the
    // skipped iterations.
    for (const Tracked& k : tracked_) {
      auto sargs = t_.args(k.store);
      std::vector<Ref> args;
      for (size_t a = 0; a + 1 < sargs.size(); a++) args.push_back(rw.map(sargs[a]));
      args.push_back(rw.map(largs[k.phi]));
      rw.out().emit(t_.op(k.store).opcode, std::span<const Ref>(args), t_.op(k.store).descr);
    }
    for (uint32_t i = label_ + 1; i < t_.num_ops(); i++) rw.copy(i);
    return rw.take();
  }

 private:
  // The iterations in which guard `g` passes. With a step c = 2^k * odd,
  // the tested value x = phi + c_guard reaches zero after
  // t = (-x >> k) * odd^-1 mod 2^(w-k) steps if 2^k divides x, and never
  // otherwise (t is then all ones, more than any other guard's). Even
  // steps come from loops unrolled over several iterations (kUnrollLoop):
  // a countdown by 1 unrolled twice steps by 2 and tests x - 1 and x - 2,
  // one of which is even.
  Ref trips_of(Rewriter& rw, const Affine& g) const {
    Builder& b = rw.builder();
    uint64_t m = mask_of(g.width);
    uint64_t c = step_[g.phi]->offset & m;
    int k = std::countr_zero(c);
    uint64_t rest = mask_of(g.width - k);
    uint64_t inv = odd_inverse(c >> k) & rest;
    Ref phi = rw.map(t_.args(label_)[g.phi]);
    Ref sum = (g.offset & m) == 0 ? phi : b.int_add(phi, static_cast<int64_t>(g.offset));
    Ref trips;
    if (k == 0) {
      if (inv == m) {
        trips = sum;  // step -1: t = phi + c_guard
      } else {
        trips = b.int_neg(sum);
        if (inv != 1) trips = b.int_mul(trips, static_cast<int64_t>(inv));
      }
      if (g.width < 64) trips = b.int_and(trips, static_cast<int64_t>(m));
      return trips;
    }
    Ref neg = b.int_neg(sum);
    if (g.width < 64) neg = b.int_and(neg, static_cast<int64_t>(m));
    trips = b.int_urshift(neg, k);  // in [0, 2^(w-k))
    if (inv != 1) {
      trips = inv == rest ? b.int_neg(trips) : b.int_mul(trips, static_cast<int64_t>(inv));
      trips = b.int_and(trips, static_cast<int64_t>(rest));
    }
    // x not a multiple of 2^k: all ones.
    Ref low = b.int_and(sum, static_cast<int64_t>((uint64_t{1} << k) - 1));
    return b.int_or(trips, b.int_neg(b.int_is_true(low)));
  }

  // min(x, y) as unsigned, without a branch: y ^ ((x ^ y) & -(x < y)).
  static Ref unsigned_min(Builder& b, Ref x, Ref y) {
    Ref less = b.int_neg(b.uint_lt(x, y));
    return b.int_xor(y, b.int_and(b.int_xor(x, y), less));
  }

  // A store after the first guard with no store to its location before
  // that guard: in an iteration that leaves at the first guard the
  // location keeps what the iteration before left there, so the skipped
  // iterations must leave there what they would have. That holds when
  // the body's last store there (V) and the last store before the label
  // (V0; nothing after it may write memory) are stores to that very
  // location (no other store may write it), and either
  //   - V0 is V, an invariant value (settled: the iterations leave it as
  //     they found it), or
  //   - the location, read back, is phi k whenever the body begins: the
  //     label passes V0 as read back for phi k and the jump V as read back
  //     (tracked: the rewrite stores phi k's advanced value there).
  bool after_first_guard(uint32_t s) {
    Location at = location_at(s);
    std::optional<uint32_t> last = last_store(at, jump_, label_ + 1);
    std::optional<uint32_t> before = last_store(at, label_, entry_ + 1);
    if (!last || !before) return false;
    Ref v = t_.args(*last).back(), v0 = t_.args(*before).back();
    if (v == v0 && invariant(v)) return true;
    const Descr& d = t_.descr(t_.op(*last).descr);
    auto largs = t_.args(label_);
    auto jargs = t_.args(jump_);
    for (uint32_t k = 0; k < largs.size(); k++) {
      if (read_back(jargs[k], v, d) && read_back(largs[k], v0, d)) {
        tracked_.push_back({*last, k});
        return true;
      }
    }
    return false;
  }

  // The last store in ops [stop, from) that may write location `at`, if
  // it writes exactly there and nothing between it and `from` may write
  // memory some other way.
  std::optional<uint32_t> last_store(const Location& at, uint32_t from, uint32_t stop) const {
    for (uint32_t i = from; i-- > stop;) {
      const Op& op = t_.op(i);
      OpAccess a = access_of(op.opcode);
      if (a.kind == Access::kStore) {
        Location l = location_at(i);
        if (!may_alias(t_, l, at)) continue;
        if (!must_alias(l, at)) return std::nullopt;
        return i;
      }
      if (a.kind == Access::kNone && writes_memory(t_.effects_of(i), op.opcode)) return std::nullopt;
    }
    return std::nullopt;
  }

  // Whether `r` is `stored` as a load through `d` reads it back: itself
  // for a full word, its low bytes for an unsigned item.
  bool read_back(Ref r, Ref stored, const Descr& d) const {
    if (d.size == 8) return r == stored;
    if (d.is_signed || !r.is_value() || r.index() >= t_.num_ops()) return false;
    const Op& op = t_.op(r.index());
    if (op.opcode != Opcode::kIntAnd) return false;
    auto args = t_.args(r.index());
    uint64_t m = mask_of(8 * d.size);
    return (args[0] == stored && int_const(args[1]) == m) || (args[1] == stored && int_const(args[0]) == m);
  }

  // The location heap op `i` accesses, its index looked through back to
  // the trace's first label (so preamble and body addresses compare).
  Location location_at(uint32_t i) const {
    auto args = t_.args(i);
    return location_of(t_, entry_, i, args[0], access_of(t_.op(i).opcode).array ? args[1] : Ref());
  }

  // Whether stores `a` and `b` write the same location in every iteration:
  // the same descriptor and the same address operands.
  bool same_address(uint32_t a, uint32_t b) const {
    if (t_.op(a).opcode != t_.op(b).opcode || t_.op(a).descr != t_.op(b).descr) return false;
    auto x = t_.args(a);
    auto y = t_.args(b);
    if (x.size() != y.size()) return false;
    for (size_t k = 0; k + 1 < x.size(); k++)
      if (x[k] != y[k]) return false;
    return true;
  }

  bool is_counter_phi(uint32_t i) const { return phi_of_[i] >= 0 && step_[phi_of_[i]].has_value(); }

  std::optional<uint64_t> int_const(Ref r) const {
    if (!r.is_const() || t_.constant(r).type != Type::kInt) return std::nullopt;
    return t_.constant(r).bits;
  }

  // `r` as phi + offset, looking only at the body's ops.
  std::optional<Affine> affine(Ref r) const {
    if (!r.is_value()) return std::nullopt;
    uint32_t i = r.index();
    if (phi_of_[i] >= 0) return Affine{static_cast<uint32_t>(phi_of_[i]), 0, 64, true};
    if (i <= label_) return std::nullopt;
    const Op& op = t_.op(i);
    auto args = t_.args(i);
    switch (op.opcode) {
      case Opcode::kSameAs:
        return affine(args[0]);
      case Opcode::kIntAdd:
      case Opcode::kIntSub: {
        std::optional<uint64_t> c = int_const(args[1]);
        Ref x = args[0];
        if (!c && op.opcode == Opcode::kIntAdd) c = int_const(args[0]), x = args[1];
        if (!c) return std::nullopt;
        std::optional<Affine> a = affine(x);
        if (!a) return std::nullopt;
        a->offset += op.opcode == Opcode::kIntAdd ? *c : -*c;
        a->exact = a->width == 64;
        return a;
      }
      case Opcode::kIntAnd: {
        std::optional<uint64_t> c = int_const(args[1]);
        Ref x = args[0];
        if (!c) c = int_const(args[0]), x = args[1];
        int w = c ? mask_width(*c) : -1;
        if (w < 0) return std::nullopt;
        std::optional<Affine> a = affine(x);
        if (!a || a->width < w) return std::nullopt;
        a->width = w;
        a->offset &= mask_of(w);
        a->exact = true;
        return a;
      }
      default:
        return std::nullopt;
    }
  }

  // The counter `guard` tests: the loop goes on while it is not zero.
  std::optional<Affine> tested_counter(uint32_t guard) const {
    const Op& op = t_.op(guard);
    Ref x = t_.arg(guard, 0);
    bool going_on_if_true = op.opcode == Opcode::kGuardTrue;
    // guard_true(x) goes on while x != 0; guard_true(x != 0),
    // guard_false(x == 0) and their unary forms test the same.
    if (x.is_value() && x.index() > label_ && phi_of_[x.index()] < 0) {
      const Op& c = t_.op(x.index());
      auto cargs = t_.args(x.index());
      bool ne = c.opcode == Opcode::kIntNe || c.opcode == Opcode::kIntIsTrue;
      bool eq = c.opcode == Opcode::kIntEq || c.opcode == Opcode::kIntIsZero;
      if (ne || eq) {
        Ref y = cargs[0];
        if (cargs.size() == 2) {
          std::optional<uint64_t> z = int_const(cargs[1]);
          if (!z) z = int_const(cargs[0]), y = cargs[1];
          if (!z || *z != 0) return std::nullopt;
        }
        if (going_on_if_true != ne) return std::nullopt;
        x = y;
        going_on_if_true = true;
      }
    }
    if (!going_on_if_true) return std::nullopt;
    std::optional<Affine> a = affine(x);
    if (!a || !a->exact) return std::nullopt;
    return a;
  }

  // Whether `r` has the same value in every iteration.
  bool invariant(Ref r) const {
    if (!r.is_value()) return true;
    uint32_t i = r.index();
    if (i < label_) return !is_counter_phi(i);
    const Op& op = t_.op(i);
    if (!(t_.effects_of(i) & effect::kPure)) return false;
    for (Ref a : t_.args(op))
      if (!invariant(a)) return false;
    return true;
  }

  // Whether the value entering the body at phi `r` is in [0, 2^width)
  // (what defined it before the label, through same_as).
  bool in_range(Ref r, int width) const {
    uint64_t m = mask_of(width);
    if (std::optional<uint64_t> c = int_const(r)) return *c <= m;
    if (!r.is_value() || r.index() >= label_ || r.index() < t_.num_inputs()) return false;
    const Op& op = t_.op(r.index());
    auto args = t_.args(r.index());
    switch (op.opcode) {
      case Opcode::kSameAs:
        return in_range(args[0], width);
      case Opcode::kIntAnd: {
        std::optional<uint64_t> c = int_const(args[1]);
        if (!c) c = int_const(args[0]);
        return (c && *c <= m) || in_range(args[0], width) || in_range(args[1], width);
      }
      case Opcode::kGetfieldGcI:
      case Opcode::kGetfieldRawI:
      case Opcode::kGetarrayitemGcI:
      case Opcode::kGetarrayitemRawI: {
        const Descr& d = t_.descr(op.descr);
        return !d.is_signed && d.size * 8 <= width;
      }
      default:
        return false;
    }
  }

  const Trace& t_;
  uint32_t label_, jump_;
  uint32_t entry_ = 0;  // the trace's first label (the preamble's)
  std::vector<int32_t> phi_of_;               // per op: its label operand position, or -1
  std::vector<std::optional<Affine>> step_;   // per phi: the jump's value, for counters
  std::vector<uint32_t> guards_;              // the body's guards, in order
  std::vector<Affine> tests_;                 // per guard: the counter it tests
  // Stores after the first guard whose location holds a phi whenever the
  // body begins (after_first_guard): the body's last store there, and the phi.
  struct Tracked {
    uint32_t store;
    uint32_t phi;
  };
  std::vector<Tracked> tracked_;
};

}  // namespace

Trace counted(const Trace& src) {
  uint32_t n = src.num_ops(), labels = 0, label = 0;
  for (uint32_t i = 0; i < n; i++)
    if (src.op(i).opcode == Opcode::kLabel) labels++, label = i;
  if (labels < 2 || n == 0) return copy_trace(src);
  uint32_t jump = n - 1;
  const Op& j = src.op(jump);
  if (j.opcode != Opcode::kJump || j.descr == kNoDescr || j.descr != src.op(label).descr) return copy_trace(src);
  CountedLoop loop(src, label, jump);
  if (!loop.analyze()) return copy_trace(src);
  return loop.rewrite();
}

}  // namespace pyrite::jit::opt
