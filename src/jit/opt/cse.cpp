// cse (cse.h, docs/jit_opt.md "cse").
//
// Invariant: every table maps to an output value or constant that is
// defined before the current op and after the last label, and is equal to
// what the keyed op would compute here (pure ops do not depend on the
// heap; a guard's fact holds from the guard to the end of the trace, since
// the code after a guard runs only when it passed).
#include "jit/opt/cse.h"

#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/fold.h"
#include "jit/opt/label.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

// A compare, its negation, and the same compare with operands swapped.
struct CompareInfo {
  Opcode op, negated, swapped;
};
constexpr CompareInfo kCompares[] = {
    {Opcode::kIntLt, Opcode::kIntGe, Opcode::kIntGt},     {Opcode::kIntLe, Opcode::kIntGt, Opcode::kIntGe},
    {Opcode::kIntGt, Opcode::kIntLe, Opcode::kIntLt},     {Opcode::kIntGe, Opcode::kIntLt, Opcode::kIntLe},
    {Opcode::kIntEq, Opcode::kIntNe, Opcode::kIntEq},     {Opcode::kIntNe, Opcode::kIntEq, Opcode::kIntNe},
    {Opcode::kUintLt, Opcode::kUintGe, Opcode::kUintGt},  {Opcode::kUintLe, Opcode::kUintGt, Opcode::kUintGe},
    {Opcode::kUintGt, Opcode::kUintLe, Opcode::kUintLt},  {Opcode::kUintGe, Opcode::kUintLt, Opcode::kUintLe},
    {Opcode::kPtrEq, Opcode::kPtrNe, Opcode::kPtrEq},     {Opcode::kPtrNe, Opcode::kPtrEq, Opcode::kPtrNe},
};
const CompareInfo* compare_info(Opcode op) {
  for (const CompareInfo& c : kCompares)
    if (c.op == op) return &c;
  return nullptr;
}

using Key = std::vector<uint32_t>;

class Cse {
 public:
  explicit Cse(const Trace& src) : src_(src), rw_(src) {}

  Trace run() {
    for (uint32_t i = 0; i < src_.num_inputs(); i++) note(i, rw_.map(Ref::value(i)));
    for (uint32_t i = src_.num_inputs(); i < src_.num_ops(); i++) visit(i);
    return rw_.take();
  }

 private:
  Trace& out() { return rw_.out(); }

  void note(uint32_t src_op, Ref to) {
    if (to.is_value()) users_[to.index()].push_back(src_op);
  }
  void bind(uint32_t src_op, Ref to) {
    if (to.is_value()) {
      auto k = known_.find(to.index());
      if (k != known_.end()) to = k->second;
    }
    rw_.forward(src_op, to);
    note(src_op, to);
  }
  // From now on the output value `v` is the constant `c`, in ops and snapshots.
  void replace(Ref v, Ref c) {
    if (!v.is_value()) return;
    known_[v.index()] = c;
    auto it = users_.find(v.index());
    if (it == users_.end()) return;
    for (uint32_t s : it->second) rw_.forward(s, c);
  }

  Key key(Opcode op, DescrId d, Ref a, Ref b) {
    return {static_cast<uint32_t>(op), static_cast<uint32_t>(d), a.bits(), b.bits()};
  }
  void learn_compare(Ref cond, bool truth) {
    if (!definition_visible(cond, region_start_)) return;
    uint32_t ci = cond.index();
    const CompareInfo* c = compare_info(out().op(ci).opcode);
    if (!c || out().op(ci).num_args != 2) return;
    Ref a = out().arg(ci, 0), b = out().arg(ci, 1);
    Ref t = out().const_int(truth), f = out().const_int(!truth);
    pure_[key(c->op, kNoDescr, a, b)] = t;
    pure_[key(c->swapped, kNoDescr, b, a)] = t;
    pure_[key(c->negated, kNoDescr, a, b)] = f;
    pure_[key(compare_info(c->negated)->swapped, kNoDescr, b, a)] = f;
    if (op_effects(c->op) & effect::kCommutative) {
      pure_[key(c->op, kNoDescr, b, a)] = t;
      pure_[key(c->negated, kNoDescr, b, a)] = f;
    }
  }

  void visit(uint32_t i) {
    const Op& op = src_.op(i);
    auto args = src_.args(op);
    Effects e = src_.effects_of(i);
    if (op.opcode == Opcode::kLabel) {
      pure_.clear();
      nonnull_.clear();
      nonzero_.clear();
      known_.clear();
      classes_.clear();
      not_invalidated_ = false;
      region_start_ = copy_label(rw_, i);
      for (Ref a : args) note(a.index(), rw_.map(a));
      return;
    }
    if ((e & effect::kPure) && !(e & effect::kMayRaise) && op.type != Type::kVoid) {
      std::vector<Ref> m;
      for (Ref a : args) m.push_back(rw_.map(a));
      Opcode opc = op.opcode;
      if (!is_call(opc) && opc != Opcode::kSameAs) {
        // Operands may have become constants (a guard proved them): fold as fold does.
        Ref a = m[0], b = m.size() > 1 ? m[1] : Ref();
        Ref r = simplify(out(), region_start_, opc, a, b);
        if (!r.is_none()) return bind(i, r);
        m.assign({a});
        if (!b.is_none()) m.push_back(b);
      }
      if (swappable(opc) && m.size() == 2 && m[1].bits() < m[0].bits()) std::swap(m[0], m[1]);
      Key k = {static_cast<uint32_t>(opc), static_cast<uint32_t>(op.descr)};
      for (Ref r : m) k.push_back(r.bits());
      if (m.size() == 1) k.push_back(Ref().bits());
      auto it = pure_.find(k);
      if (it != pure_.end()) {
        bind(i, it->second);
        return;
      }
      Ref r = out().emit(opc, std::span<const Ref>(m), op.descr, kNoSnapshot, op.type);
      bind(i, r);
      pure_.emplace(std::move(k), r);
      return;
    }
    if (is_guard(op.opcode) && guard_known(i)) {
      rw_.forward(i, Ref());
      return;
    }
    if (e & effect::kCanInvalidate) not_invalidated_ = false;
    Ref r = rw_.copy(i);
    note(i, r);
    if (is_guard(op.opcode)) learn_guard(i);
  }

  // Whether guard `i` is implied by what the trace already established.
  bool guard_known(uint32_t i) {
    const Op& op = src_.op(i);
    auto args = src_.args(op);
    Ref x = args.empty() ? Ref() : rw_.map(args[0]);
    auto const_bits = [&](Ref r) { return out().constant(r).bits; };
    switch (op.opcode) {
      case Opcode::kGuardTrue: return (x.is_const() && const_bits(x) != 0) || (x.is_value() && nonzero_.count(x.index()));
      case Opcode::kGuardFalse: return x.is_const() && const_bits(x) == 0;
      case Opcode::kGuardNonnull: return (x.is_const() && const_bits(x) != 0) || (x.is_value() && nonnull_.count(x.index()));
      case Opcode::kGuardIsnull: return x.is_const() && const_bits(x) == 0;
      case Opcode::kGuardValue: {
        Ref c = rw_.map(args[1]);
        return x.is_const() && c.is_const() && const_bits(x) == const_bits(c);
      }
      case Opcode::kGuardClass: {
        if (!x.is_value()) return false;
        auto it = classes_.find({x.index(), static_cast<uint32_t>(op.descr)});
        return it != classes_.end() && it->second == rw_.map(args[1]);
      }
      case Opcode::kGuardNotInvalidated: return not_invalidated_;
      default: return false;
    }
  }

  // What guard `i` (just emitted) establishes for the ops after it.
  void learn_guard(uint32_t i) {
    const Op& op = src_.op(i);
    auto args = src_.args(op);
    Ref x = args.empty() ? Ref() : rw_.map(args[0]);
    switch (op.opcode) {
      case Opcode::kGuardTrue:
        if (!x.is_value()) break;
        nonzero_.insert(x.index());
        if (definition_visible(x, region_start_) && compare_info(out().op(x.index()).opcode)) {
          learn_compare(x, true);
          replace(x, out().const_int(1));
        }
        break;
      case Opcode::kGuardFalse:
        learn_compare(x, false);
        replace(x, out().const_int(0));
        break;
      case Opcode::kGuardNonnull:
        if (x.is_value()) nonnull_.insert(x.index());
        break;
      case Opcode::kGuardIsnull: replace(x, out().const_ref(0)); break;
      case Opcode::kGuardValue: replace(x, rw_.map(args[1])); break;
      case Opcode::kGuardClass:
        if (x.is_value()) {
          classes_[{x.index(), static_cast<uint32_t>(op.descr)}] = rw_.map(args[1]);
          nonnull_.insert(x.index());
        }
        break;
      case Opcode::kGuardNotInvalidated: not_invalidated_ = true; break;
      default: break;
    }
  }

  const Trace& src_;
  Rewriter rw_;
  std::map<Key, Ref> pure_;
  std::set<uint32_t> nonzero_, nonnull_;
  std::map<std::pair<uint32_t, uint32_t>, Ref> classes_;  // (value, class descr) -> class constant
  bool not_invalidated_ = false;
  uint32_t region_start_ = 0;  // the last label emitted
  std::unordered_map<uint32_t, std::vector<uint32_t>> users_;  // output value -> source ops mapped to it
  std::unordered_map<uint32_t, Ref> known_;  // output value -> the constant a guard proved it is  // output value -> source ops mapped to it
};

}  // namespace

Trace cse(const Trace& src) { return Cse(src).run(); }

}  // namespace pyrite::jit::opt
