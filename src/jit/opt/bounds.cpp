// bounds (bounds.h, docs/jit_opt.md "bounds").
//
// Invariants: the range of an output int value (own_, and its root's
// range shifted by its offset) holds for every execution that reaches the
// current point of the output trace. Ranges only narrow: from the op that
// defines a value, then from guards that passed. A value v recorded as
// root + off satisfies v == root + off modulo 2^64 exactly; a range moves
// between the two only when adding or subtracting off cannot wrap, which
// keeps it exact. Nothing survives a label except the body label's
// operands whose preamble range the back edge was checked to respect
// (induction: it holds on entry, and if it holds at the top of an
// iteration, the body's ops and guards, reasoned under it, pass values
// within it to the next one).
#include "jit/opt/bounds.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/alias.h"
#include "jit/opt/fold.h"
#include "jit/opt/label.h"
#include "jit/opt/pure_table.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

constexpr int64_t kMin = INT64_MIN, kMax = INT64_MAX;

struct Range {
  int64_t lo = kMin, hi = kMax;
  bool full() const { return lo == kMin && hi == kMax; }
  bool point() const { return lo == hi; }
  bool nonneg() const { return lo >= 0; }
  bool negative() const { return hi < 0; }
  bool within(const Range& o) const { return o.lo <= lo && hi <= o.hi; }
  bool disjoint(const Range& o) const { return hi < o.lo || o.hi < lo; }
};

// [lo, hi] from 128-bit bounds, or full when either end leaves int64.
Range from_wide(__int128 lo, __int128 hi) {
  if (lo < kMin || hi > kMax) return Range{};
  return Range{static_cast<int64_t>(lo), static_cast<int64_t>(hi)};
}
// r shifted by d when no end wraps.
bool shifted(Range r, int64_t d, Range* out) {
  __int128 lo = static_cast<__int128>(r.lo) + d, hi = static_cast<__int128>(r.hi) + d;
  if (lo < kMin || hi > kMax) return false;
  *out = Range{static_cast<int64_t>(lo), static_cast<int64_t>(hi)};
  return true;
}
// All bits at or below x's highest set bit (x >= 0).
uint64_t smear(uint64_t x) {
  for (int s = 1; s < 64; s <<= 1) x |= x >> s;
  return x;
}

// A compare as a relation between its operands, maybe swapped.
enum class Rel : uint8_t { kLt, kLe, kEq, kNe };
struct Cmp {
  Rel rel;
  bool swap;
  bool uns;
};
bool compare_of(Opcode op, Cmp* c) {
  switch (op) {
    case Opcode::kIntLt: *c = {Rel::kLt, false, false}; return true;
    case Opcode::kIntLe: *c = {Rel::kLe, false, false}; return true;
    case Opcode::kIntGt: *c = {Rel::kLt, true, false}; return true;
    case Opcode::kIntGe: *c = {Rel::kLe, true, false}; return true;
    case Opcode::kIntEq: *c = {Rel::kEq, false, false}; return true;
    case Opcode::kIntNe: *c = {Rel::kNe, false, false}; return true;
    case Opcode::kUintLt: *c = {Rel::kLt, false, true}; return true;
    case Opcode::kUintLe: *c = {Rel::kLe, false, true}; return true;
    case Opcode::kUintGt: *c = {Rel::kLt, true, true}; return true;
    case Opcode::kUintGe: *c = {Rel::kLe, true, true}; return true;
    default: return false;
  }
}

// 1: a REL b holds for all values in the ranges; 0: it never does; -1: unknown.
int decide(Rel rel, bool uns, Range a, Range b) {
  if (rel == Rel::kNe) {
    int eq = decide(Rel::kEq, uns, a, b);
    return eq < 0 ? -1 : !eq;
  }
  if (rel == Rel::kEq) {
    if (a.point() && b.point() && a.lo == b.lo) return 1;
    return a.disjoint(b) ? 0 : -1;
  }
  if (uns && !((a.nonneg() && b.nonneg()) || (a.negative() && b.negative()))) {
    // Negative words are above every non-negative one as unsigned.
    if (a.nonneg() && b.negative()) return 1;
    if (a.negative() && b.nonneg()) return 0;
    return -1;
  }
  if (rel == Rel::kLt) {
    if (a.hi < b.lo) return 1;
    if (a.lo >= b.hi) return 0;
  } else {
    if (a.hi <= b.lo) return 1;
    if (a.lo > b.hi) return 0;
  }
  return -1;
}

bool is_label_jump(const Trace& t, uint32_t label, uint32_t jump) {
  const Op& j = t.op(jump);
  if (j.opcode != Opcode::kJump) return false;
  if (j.descr != kNoDescr) return j.descr == t.op(label).descr;
  return true;  // no target: the last label
}

class Bounds {
 public:
  Bounds(const Trace& src, uint32_t body_label, const std::vector<uint8_t>& excluded)
      : src_(src), rw_(src), body_label_(body_label), excluded_(excluded) {}

  // inputs: known ranges of the inputargs (empty, or one per inputarg);
  // capture_at: a guard of src whose failargs' ranges to record just
  // before it (UINT32_MAX: none).
  // capture_all: every guard's (failarg_ranges_of_all).
  Trace run(std::span<const IntRange> inputs = {}, uint32_t capture_at = UINT32_MAX, bool capture_all = false) {
    uint32_t n = src_.num_ops();
    own_.reserve(n + 8);
    root_.reserve(n + 8);
    off_.reserve(n + 8);
    for (uint32_t k = 0; k < inputs.size() && k < src_.num_inputs(); k++) {
      Ref v = rw_.map(Ref::value(k));
      if (out().type_of(v) == Type::kInt && inputs[k].lo <= inputs[k].hi) set_range(v, Range{inputs[k].lo, inputs[k].hi});
    }
    if (capture_all) all_.assign(n, {});
    for (uint32_t i = src_.num_inputs(); i < n; i++) {
      if (capture_all && is_guard(src_.op(i).opcode)) {
        capture(i);
        all_[i] = captured_;
      }
      if (i == capture_at) {
        capture(i);
        // Before the body label nothing depends on its assumptions (which
        // only the final jump checks): the rest is not needed.
        if (body_label_ == UINT32_MAX || i < body_label_) break;
      }
      i += visit(i);
    }
    return rw_.take();
  }
  const std::vector<IntRange>& captured() const { return captured_; }
  std::vector<std::vector<IntRange>> take_all() { return std::move(all_); }
  // Body-label operands whose assumed range the back edge did not respect.
  const std::vector<uint32_t>& failed() const { return failed_; }

 private:
  Trace& out() { return rw_.out(); }

  void grow(uint32_t v) {
    while (own_.size() <= v) {
      root_.push_back(static_cast<uint32_t>(own_.size()));
      own_.push_back(Range{});
      off_.push_back(0);
    }
  }
  void reset() {
    own_.clear();
    root_.clear();
    off_.clear();
  }

  bool is_int(Ref r) { return (r.is_value() || r.is_const()) && out().type_of(r) == Type::kInt; }

  // The range of an output Ref (full for non-ints).
  Range range(Ref r) {
    if (r.is_const()) {
      const Const& c = out().constant(r);
      if (c.type != Type::kInt) return Range{};
      return Range{c.as_int(), c.as_int()};
    }
    if (!r.is_value() || r.index() >= own_.size()) return Range{};
    uint32_t v = r.index();
    Range x = own_[v];
    if (root_[v] != v) {
      Range s;
      if (shifted(own_[root_[v]], off_[v], &s)) x = Range{std::max(x.lo, s.lo), std::min(x.hi, s.hi)};
    }
    return x;
  }

  // An operand: mapped, and a constant when its range is one value.
  Ref arg(Ref src_ref) {
    Ref m = rw_.map(src_ref);
    if (m.is_value() && m.index() < own_.size()) {
      Range r = range(m);
      if (r.point() && out().type_of(m) == Type::kInt) return out().const_int(r.lo);
    }
    return m;
  }

  void set_range(Ref v, Range r) {
    if (!v.is_value()) return;
    grow(v.index());
    own_[v.index()] = r;
  }
  void narrow_own(uint32_t v, Range r) {
    grow(v);
    Range x{std::max(own_[v].lo, r.lo), std::min(own_[v].hi, r.hi)};
    if (x.lo <= x.hi) own_[v] = x;  // empty: the code is unreachable; keep what was known
  }
  // What a passed guard established: v is in r.
  void refine(Ref v, Range r) {
    if (!v.is_value() || out().type_of(v) != Type::kInt) return;
    uint32_t i = v.index();
    grow(i);
    Range cur = range(v);
    cur = Range{std::max(cur.lo, r.lo), std::min(cur.hi, r.hi)};
    if (cur.lo > cur.hi) return;  // the code is unreachable; keep what was known
    own_[i] = cur;
    if (root_[i] != i) {
      Range s;
      if (off_[i] != kMin && shifted(cur, -off_[i], &s)) narrow_own(root_[i], s);
    }
  }

  // a REL b holds from now on.
  void learn(Rel rel, bool uns, Ref a, Ref b) {
    if (uns && (rel == Rel::kLt || rel == Rel::kLe)) {
      // a <=u b with b in [0, 2^63): a is non-negative and the compare is signed.
      if (!range(b).nonneg()) return;
      refine(a, Range{0, kMax});
    }
    Range ra = range(a), rb = range(b);
    switch (rel) {
      case Rel::kLt:
        if (rb.hi > kMin) refine(a, Range{kMin, rb.hi - 1});
        if (ra.lo < kMax) refine(b, Range{ra.lo + 1, kMax});
        break;
      case Rel::kLe:
        refine(a, Range{kMin, rb.hi});
        refine(b, Range{ra.lo, kMax});
        break;
      case Rel::kEq:
        refine(a, rb);
        refine(b, ra);
        break;
      case Rel::kNe:
        exclude(a, ra, rb);
        exclude(b, rb, ra);
        break;
    }
  }
  // x (range rx) differs from a value of range c: trims an end equal to a point c.
  void exclude(Ref x, Range rx, Range c) {
    if (!c.point()) return;
    if (rx.lo == c.lo && rx.lo < kMax) refine(x, Range{rx.lo + 1, kMax});
    else if (rx.hi == c.lo && rx.hi > kMin) refine(x, Range{kMin, rx.hi - 1});
  }

  // A compare output value `x`'s truth as the ranges decide it (-1 unknown).
  int decide_value(Ref x) {
    if (x.is_const()) return out().constant(x).bits != 0;
    Range r = range(x);
    if (r.lo > 0 || r.hi < 0) return 1;
    if (r.point() && r.lo == 0) return 0;
    if (!definition_visible(x, region_start_)) return -1;
    Cmp c;
    const Op& d = out().op(x.index());
    if (!compare_of(d.opcode, &c)) return -1;
    Ref a = out().arg(x.index(), 0), b = out().arg(x.index(), 1);
    if (c.swap) std::swap(a, b);
    return decide(c.rel, c.uns, range(a), range(b));
  }
  // Guard_true(x) (truth) or guard_false(x) passed.
  void learn_truth(Ref x, bool truth) {
    if (!x.is_value()) return;
    if (truth) exclude(x, range(x), Range{0, 0});
    else refine(x, Range{0, 0});
    if (!definition_visible(x, region_start_)) return;
    Cmp c;
    const Op& d = out().op(x.index());
    if (!compare_of(d.opcode, &c)) return;
    Ref a = out().arg(x.index(), 0), b = out().arg(x.index(), 1);
    if (c.swap) std::swap(a, b);
    if (truth) return learn(c.rel, c.uns, a, b);
    switch (c.rel) {  // the negation, operands swapped for < and <=
      case Rel::kLt: return learn(Rel::kLe, c.uns, b, a);
      case Rel::kLe: return learn(Rel::kLt, c.uns, b, a);
      case Rel::kEq: return learn(Rel::kNe, c.uns, a, b);
      case Rel::kNe: return learn(Rel::kEq, c.uns, a, b);
    }
  }

  // The range an int op's result has, given its (output) operands.
  Range op_range(Opcode op, Ref a, Ref b) {
    Range x = range(a), y = b.is_none() ? Range{} : range(b);
    using W = __int128;
    switch (op) {
      case Opcode::kIntAdd: return from_wide(W(x.lo) + y.lo, W(x.hi) + y.hi);
      case Opcode::kIntSub: return from_wide(W(x.lo) - y.hi, W(x.hi) - y.lo);
      case Opcode::kIntMul: {
        W c[4] = {W(x.lo) * y.lo, W(x.lo) * y.hi, W(x.hi) * y.lo, W(x.hi) * y.hi};
        return from_wide(*std::min_element(c, c + 4), *std::max_element(c, c + 4));
      }
      case Opcode::kIntNeg: return x.lo == kMin ? Range{} : Range{-x.hi, -x.lo};
      case Opcode::kIntAnd:
        if (x.nonneg() && y.nonneg()) return Range{0, std::min(x.hi, y.hi)};
        if (x.nonneg()) return Range{0, x.hi};
        if (y.nonneg()) return Range{0, y.hi};
        return Range{};
      case Opcode::kIntOr:
      case Opcode::kIntXor:
        if (x.nonneg() && y.nonneg()) return Range{0, static_cast<int64_t>(smear(std::max(x.hi, y.hi)))};
        return Range{};
      case Opcode::kIntRshift:
        if (!y.point()) return Range{};
        return Range{x.lo >> (y.lo & 63), x.hi >> (y.lo & 63)};
      case Opcode::kIntUrshift: {
        if (!y.point() || (y.lo & 63) == 0) return y.point() ? x : Range{};
        int s = y.lo & 63;
        if (x.nonneg()) return Range{x.lo >> s, x.hi >> s};
        return Range{0, static_cast<int64_t>(~uint64_t{0} >> s)};
      }
      case Opcode::kIntLshift: {
        if (!y.point() || !x.nonneg()) return Range{};
        int s = y.lo & 63;
        if (s == 0) return x;
        if (x.hi > (kMax >> s)) return Range{};
        return Range{x.lo << s, x.hi << s};
      }
      case Opcode::kIntIsZero:
      case Opcode::kIntIsTrue:
        return Range{0, 1};
      default: {
        Cmp c;
        if (compare_of(op, &c)) return Range{0, 1};
        switch (op) {
          case Opcode::kFloatLt: case Opcode::kFloatLe: case Opcode::kFloatEq: case Opcode::kFloatNe:
          case Opcode::kFloatGt: case Opcode::kFloatGe: case Opcode::kPtrEq: case Opcode::kPtrNe:
            return Range{0, 1};
          default: return Range{};
        }
      }
    }
  }

  // A pure int op's value decided by the ranges, or none.
  Ref decided(Opcode op, Ref a, Ref b) {
    Cmp c;
    if (compare_of(op, &c)) {
      Ref x = a, y = b;
      if (c.swap) std::swap(x, y);
      int d = decide(c.rel, c.uns, range(x), range(y));
      return d < 0 ? Ref() : out().const_int(d);
    }
    Range x = range(a);
    switch (op) {
      case Opcode::kIntIsTrue:
      case Opcode::kIntIsZero: {
        int t = (x.lo > 0 || x.hi < 0) ? 1 : (x.point() && x.lo == 0) ? 0 : -1;
        if (t < 0) return Ref();
        return out().const_int(op == Opcode::kIntIsTrue ? t : !t);
      }
      case Opcode::kIntAnd: {
        // x & m == x when x is non-negative and m has every bit x may have.
        Range m = range(b);
        if (m.point() && x.nonneg() && (static_cast<uint64_t>(m.lo) & smear(x.hi)) == smear(x.hi)) return a;
        if (x.point() && m.nonneg() && (static_cast<uint64_t>(x.lo) & smear(m.hi)) == smear(m.hi)) return b;
        return Ref();
      }
      default: return Ref();
    }
  }

  // x & (2^k - 1) with x in one aligned block [base, base + 2^k - 1],
  // base != 0: the mask only takes base away, so it is x - base, which
  // fold's add chains then merge (BF's `((c + 255) & 255) + 1` after a
  // guard that c is not 0 is c).
  bool in_one_block(Ref x, Ref m, int64_t* base) {
    Range rm = range(m), rx = range(x);
    if (!rm.point() || rm.lo <= 0 || rx.full()) return false;
    uint64_t mask = static_cast<uint64_t>(rm.lo);
    if ((mask & (mask + 1)) != 0) return false;  // not 2^k - 1
    uint64_t lo_block = static_cast<uint64_t>(rx.lo) & ~mask, hi_block = static_cast<uint64_t>(rx.hi) & ~mask;
    if (lo_block != hi_block || lo_block == 0) return false;
    *base = static_cast<int64_t>(lo_block);
    return true;
  }

  // Emits (or folds) the pure op `op(a, b)` (output operands); returns its output Ref.
  Ref pure(Opcode op, Ref a, Ref b, Type type) {
    Ref r = simplify(out(), region_start_, op, a, b);
    if (!r.is_none()) return r;
    if (type == Type::kInt) {
      r = decided(op, a, b);
      if (!r.is_none()) return r;
      int64_t base;
      if (op == Opcode::kIntAnd && in_one_block(a, b, &base))
        return pure(Opcode::kIntAdd, a, out().const_int(static_cast<int64_t>(0 - static_cast<uint64_t>(base))), type);
    }
    // One value per computation: the block rule can make two recorded
    // masks the same add.
    PureKey key{{static_cast<uint32_t>(op), static_cast<uint32_t>(kNoDescr)}, a.bits(), b.bits()};
    if (Ref* seen = emitted_.find(key)) return *seen;
    Ref ops[2] = {a, b};
    r = out().emit(op, std::span<const Ref>(ops, b.is_none() ? 1 : 2), kNoDescr, kNoSnapshot, type);
    emitted_.put(key, r);
    if (type == Type::kInt) {
      set_range(r, op_range(op, a, b));
      note_root(r, op, a, b);
    }
    return r;
  }
  void note_root(Ref r, Opcode op, Ref a, Ref b) {
    if (op != Opcode::kIntAdd && op != Opcode::kIntSub) return;
    if (a.is_const() && op == Opcode::kIntAdd) std::swap(a, b);
    if (!a.is_value() || !b.is_const() || a.index() >= own_.size()) return;
    int64_t c = out().constant(b).as_int(), off;
    if (op == Opcode::kIntSub) {
      if (c == kMin) return;
      c = -c;
    }
    uint32_t v = r.index();
    if (__builtin_add_overflow(off_[a.index()], c, &off)) return;
    grow(v);
    root_[v] = root_[a.index()];
    off_[v] = off;
  }

  void emit_always_fails(uint32_t i) {
    unreachable_ = true;
    out().emit(Opcode::kGuardAlwaysFails, {}, kNoDescr, rw_.map_snapshot(src_.op(i).snapshot));
    rw_.forward(i, Ref());
  }

  // Copies source op i with operands through arg(); returns the copy.
  Ref copy(uint32_t i) {
    const Op& op = src_.op(i);
    auto sargs = src_.args(op);
    args_.clear();
    for (Ref a : sargs) args_.push_back(arg(a));
    Ref r = out().emit(op.opcode, std::span<const Ref>(args_), op.descr, rw_.map_snapshot(op.snapshot), op.type);
    rw_.forward(i, r);
    return r;
  }

  // The *_ovf op i and its guard i + 1.
  void ovf(uint32_t i) {
    const Op& op = src_.op(i);
    Ref a = arg(src_.arg(i, 0)), b = arg(src_.arg(i, 1));
    Range x = range(a), y = range(b);
    using W = __int128;
    W lo, hi;
    Opcode plain;
    switch (op.opcode) {
      case Opcode::kIntAddOvf: lo = W(x.lo) + y.lo, hi = W(x.hi) + y.hi, plain = Opcode::kIntAdd; break;
      case Opcode::kIntSubOvf: lo = W(x.lo) - y.hi, hi = W(x.hi) - y.lo, plain = Opcode::kIntSub; break;
      default: {
        W c[4] = {W(x.lo) * y.lo, W(x.lo) * y.hi, W(x.hi) * y.lo, W(x.hi) * y.hi};
        lo = *std::min_element(c, c + 4), hi = *std::max_element(c, c + 4), plain = Opcode::kIntMul;
      }
    }
    bool no_overflow = src_.op(i + 1).opcode == Opcode::kGuardNoOverflow;
    if (lo >= kMin && hi <= kMax) {  // cannot overflow
      rw_.forward(i, pure(plain, a, b, Type::kInt));
      if (no_overflow) rw_.forward(i + 1, Ref());
      else emit_always_fails(i + 1);
      return;
    }
    Ref r = copy(i);
    copy(i + 1);
    if (no_overflow) set_range(r, Range{static_cast<int64_t>(std::max<W>(lo, kMin)),
                                        static_cast<int64_t>(std::min<W>(hi, kMax))});
  }

  void guard(uint32_t i) {
    const Op& op = src_.op(i);
    Opcode opc = op.opcode;
    if (opc == Opcode::kGuardTrue || opc == Opcode::kGuardFalse) {
      Ref x = arg(src_.arg(i, 0));
      int t = decide_value(x);
      bool want = opc == Opcode::kGuardTrue;
      if (t >= 0) {
        if ((t == 1) == want) rw_.forward(i, Ref());
        else emit_always_fails(i);
        return;
      }
      copy(i);
      learn_truth(x, want);
      return;
    }
    if (opc == Opcode::kGuardValue) {
      Ref x = arg(src_.arg(i, 0)), c = rw_.map(src_.arg(i, 1));
      if (is_int(x) && c.is_const()) {
        Range rx = range(x), rc = range(c);
        if (rx.point() && rx.lo == rc.lo) return rw_.forward(i, Ref());
        if (rx.disjoint(rc)) return emit_always_fails(i);
        copy(i);
        refine(x, rc);
        return;
      }
    }
    copy(i);
  }

  // The body label: operands keep the preamble's ranges unless excluded.
  void label(uint32_t i) {
    auto sargs = src_.args(i);
    bool body = i == body_label_;
    std::vector<Range> pre;
    if (body) {
      pre.reserve(sargs.size());
      for (Ref a : sargs) pre.push_back(range(rw_.map(a)));
    }
    region_start_ = copy_label(rw_, i);
    unreachable_ = false;
    emitted_.clear();
    reset();
    if (!body) return;
    assumed_.assign(sargs.size(), Range{});
    for (uint32_t k = 0; k < sargs.size(); k++) {
      if (excluded_[k] || pre[k].full() || src_.type_of(sargs[k]) != Type::kInt) continue;
      assumed_[k] = pre[k];
      Ref operand = rw_.map(sargs[k]);
      set_range(operand, pre[k]);
      if (pre[k].point()) rw_.forward(sargs[k].index(), out().const_int(pre[k].lo));
    }
  }

  // The back edge: every assumed operand range must hold for what it passes.
  // Behind a guard that always fails the jump is never taken: every
  // assumption holds there.
  void check_jump(uint32_t i) {
    if (unreachable_) return;
    auto sargs = src_.args(i);
    for (uint32_t k = 0; k < sargs.size() && k < assumed_.size(); k++) {
      if (assumed_[k].full()) continue;
      if (!range(arg(sargs[k])).within(assumed_[k])) failed_.push_back(k);
    }
  }

  // The ranges of guard i's failargs (Trace::snapshot_values order) here,
  // before the guard: what holds when it fails.
  void capture(uint32_t i) {
    captured_.clear();
    if (src_.op(i).snapshot == kNoSnapshot) return;
    for (Ref v : src_.snapshot_values(src_.op(i).snapshot)) {
      Range r = src_.type_of(v) == Type::kInt ? range(rw_.map(v)) : Range{};
      captured_.push_back(IntRange{r.lo, r.hi});
    }
  }

  // Returns how many extra source ops it consumed.
  uint32_t visit(uint32_t i) {
    const Op& op = src_.op(i);
    Opcode opc = op.opcode;
    if (opc == Opcode::kLabel) {
      label(i);
      return 0;
    }
    if (opc == Opcode::kSameAs) {
      rw_.forward(i, arg(src_.arg(i, 0)));
      return 0;
    }
    if (is_ovf(opc) && i + 1 < src_.num_ops() && is_overflow_guard(src_.op(i + 1).opcode)) {
      ovf(i);
      return 1;
    }
    Effects e = op_effects(opc);
    if ((e & effect::kPure) && !is_call(opc) && op.num_args <= 2) {
      Ref a = arg(src_.arg(i, 0));
      Ref b = op.num_args > 1 ? arg(src_.arg(i, 1)) : Ref();
      rw_.forward(i, pure(opc, a, b, op.type));
      return 0;
    }
    if (is_guard(opc)) {
      guard(i);
      return 0;
    }
    if (opc == Opcode::kJump && i == src_.num_ops() - 1 && body_label_ != UINT32_MAX) check_jump(i);
    Ref r = copy(i);
    if (op.type == Type::kInt && access_of(opc).kind == Access::kLoad && op.descr != kNoDescr) {
      const Descr& d = src_.descr(op.descr);
      if (d.type == Type::kInt && d.size < 8) {
        int bits = 8 * d.size;
        set_range(r, d.is_signed ? Range{-(int64_t{1} << (bits - 1)), (int64_t{1} << (bits - 1)) - 1}
                                 : Range{0, (int64_t{1} << bits) - 1});
      }
    }
    return 0;
  }

  const Trace& src_;
  Rewriter rw_;
  uint32_t body_label_;
  const std::vector<uint8_t>& excluded_;
  uint32_t region_start_ = 0;
  bool unreachable_ = false;  // a guard that always fails was emitted since the last label
  PureTable emitted_;         // the pure ops emitted since the last label
  std::vector<Range> own_;
  std::vector<uint32_t> root_;
  std::vector<int64_t> off_;
  std::vector<Range> assumed_;
  std::vector<uint32_t> failed_;
  std::vector<Ref> args_;
  std::vector<IntRange> captured_;
  std::vector<std::vector<IntRange>> all_;  // capture_all: per op
};

// The body label of a peeled loop: the last label, not the first, with
// the final jump going back to it; UINT32_MAX if none.
uint32_t body_label_of(const Trace& t) {
  uint32_t n = t.num_ops(), labels = 0, last = UINT32_MAX;
  for (uint32_t i = 0; i < n; i++)
    if (t.op(i).opcode == Opcode::kLabel) labels++, last = i;
  if (labels < 2 || n == 0 || !is_label_jump(t, last, n - 1)) return UINT32_MAX;
  return last;
}

}  // namespace

namespace {

// Runs Bounds until the body label's assumptions hold (see the header).
Trace run_bounds(const Trace& src, std::span<const IntRange> inputs, uint32_t capture_at,
                 std::vector<IntRange>* captured, std::vector<std::vector<IntRange>>* all = nullptr) {
  uint32_t body = body_label_of(src);
  std::vector<uint8_t> excluded(body == UINT32_MAX ? 0 : src.op(body).num_args, 0);
  for (int attempt = 0;; attempt++) {
    Bounds b(src, body, excluded);
    Trace out = b.run(inputs, capture_at, all != nullptr);
    if (b.failed().empty()) {
      if (captured) *captured = b.captured();
      if (all) *all = b.take_all();
      return out;
    }
    for (uint32_t k : b.failed()) excluded[k] = 1;
    if (attempt == 2) std::fill(excluded.begin(), excluded.end(), 1);
  }
}

}  // namespace

Trace bounds(const Trace& src) { return run_bounds(src, {}, UINT32_MAX, nullptr); }

Trace bounds(const Trace& src, std::span<const IntRange> input_ranges) {
  return run_bounds(src, input_ranges, UINT32_MAX, nullptr);
}

std::vector<std::vector<IntRange>> failarg_ranges_of_all(const Trace& t, std::span<const IntRange> input_ranges) {
  std::vector<std::vector<IntRange>> all;
  run_bounds(t, input_ranges, UINT32_MAX, nullptr, &all);
  all.resize(t.num_ops());
  for (uint32_t i = 0; i < t.num_ops(); i++)
    if (all[i].empty() && is_guard(t.op(i).opcode) && t.op(i).snapshot != kNoSnapshot)
      all[i].resize(t.snapshot_values(t.op(i).snapshot).size());
  return all;
}

std::vector<IntRange> failarg_ranges(const Trace& t, uint32_t guard, std::span<const IntRange> input_ranges) {
  std::vector<IntRange> r;
  if (guard >= t.num_ops() || !is_guard(t.op(guard).opcode)) return r;
  run_bounds(t, input_ranges, guard, &r);
  if (r.empty() && t.op(guard).snapshot != kNoSnapshot) r.resize(t.snapshot_values(t.op(guard).snapshot).size());
  return r;
}

}  // namespace pyrite::jit::opt
