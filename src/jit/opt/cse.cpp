// cse (cse.h, docs/jit_opt.md "cse").
//
// Invariant: every table maps to an output value or constant that is
// defined before the current op and after the last label, and is equal to
// what the keyed op would compute here (pure ops do not depend on the
// heap; a guard's fact holds from the guard to the end of the trace, since
// the code after a guard runs only when it passed).
#include "jit/opt/cse.h"

#include <algorithm>
#include <map>
#include <vector>

#include "jit/ir/ir_rewrite.h"
#include "jit/opt/fold.h"
#include "jit/opt/label.h"
#include "jit/opt/pure_table.h"

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

class Cse {
 public:
  explicit Cse(const Trace& src) : src_(src), rw_(src) {}

  Trace run() {
    listed_in_.assign(src_.num_ops(), UINT32_MAX);
    grow(src_.num_ops());  // the output has at most as many values (new ones grow it)
    user_nodes_.reserve(src_.num_ops());
    for (uint32_t i = 0; i < src_.num_inputs(); i++) note(i, rw_.map(Ref::value(i)));
    for (uint32_t i = src_.num_inputs(); i < src_.num_ops(); i++) visit(i);
    return rw_.take();
  }

 private:
  Trace& out() { return rw_.out(); }

  // Per output value: flags and facts, grown on demand.
  void grow(uint32_t v) {
    if (v < known_.size()) return;
    size_t n = std::max<size_t>(v + 1, known_.size() * 2);
    known_.resize(n, Ref());
    nonzero_.resize(n, 0);
    nonnull_.resize(n, 0);
    users_head_.resize(n, UINT32_MAX);
  }
  Ref known(Ref v) { return v.is_value() && v.index() < known_.size() ? known_[v.index()] : Ref(); }
  bool flag(const std::vector<uint8_t>& f, Ref v) { return v.is_value() && v.index() < f.size() && f[v.index()]; }

  // Source op `src_op` maps to output value `to`: replace() reaches it.
  void note(uint32_t src_op, Ref to) {
    if (!to.is_value() || listed_in_[src_op] == to.index()) return;
    grow(to.index());
    listed_in_[src_op] = to.index();
    user_nodes_.push_back({src_op, users_head_[to.index()]});
    users_head_[to.index()] = static_cast<uint32_t>(user_nodes_.size() - 1);
  }
  void bind(uint32_t src_op, Ref to) {
    Ref k = known(to);
    if (!k.is_none()) to = k;
    rw_.forward(src_op, to);
    note(src_op, to);
  }
  // From now on the output value `v` is the constant `c`, in ops and snapshots.
  void replace(Ref v, Ref c) {
    if (!v.is_value()) return;
    grow(v.index());
    known_[v.index()] = c;
    for (uint32_t n = users_head_[v.index()]; n != UINT32_MAX; n = user_nodes_[n].next) {
      uint32_t s = user_nodes_[n].src_op;
      if (listed_in_[s] == v.index()) rw_.forward(s, c);  // (a node is stale once its op moved on)
    }
  }

  PureKey key(Opcode op, DescrId d, Ref a, Ref b) {
    return PureKey{{static_cast<uint32_t>(op), static_cast<uint32_t>(d)}, a.bits(), b.bits()};
  }
  void learn_compare(Ref cond, bool truth) {
    if (!definition_visible(cond, region_start_)) return;
    uint32_t ci = cond.index();
    const CompareInfo* c = compare_info(out().op(ci).opcode);
    if (!c || out().op(ci).num_args != 2) return;
    Ref a = out().arg(ci, 0), b = out().arg(ci, 1);
    Ref t = out().const_int(truth), f = out().const_int(!truth);
    pure_.put(key(c->op, kNoDescr, a, b), t);
    pure_.put(key(c->swapped, kNoDescr, b, a), t);
    pure_.put(key(c->negated, kNoDescr, a, b), f);
    pure_.put(key(compare_info(c->negated)->swapped, kNoDescr, b, a), f);
    if (op_effects(c->op) & effect::kCommutative) {
      pure_.put(key(c->op, kNoDescr, b, a), t);
      pure_.put(key(c->negated, kNoDescr, b, a), f);
    }
  }

  void visit(uint32_t i) {
    const Op& op = src_.op(i);
    auto args = src_.args(op);
    Effects e = src_.effects_of(i);
    if (op.opcode == Opcode::kLabel) {
      pure_.clear();
      pure_long_.clear();
      std::fill(nonnull_.begin(), nonnull_.end(), 0);
      std::fill(nonzero_.begin(), nonzero_.end(), 0);
      std::fill(known_.begin(), known_.end(), Ref());
      classes_.clear();
      not_invalidated_ = false;
      region_start_ = copy_label(rw_, i);
      for (Ref a : args) note(a.index(), rw_.map(a));
      return;
    }
    if (op.opcode == Opcode::kSameAs) return bind(i, rw_.map(args[0]));
    if ((e & effect::kPure) && !(e & effect::kMayRaise) && op.type != Type::kVoid) {
      Opcode opc = op.opcode;
      if (args.size() <= 2) {
        Ref a = args.empty() ? Ref() : rw_.map(args[0]), b = args.size() > 1 ? rw_.map(args[1]) : Ref();
        if (!is_call(opc) && opc != Opcode::kSameAs && !a.is_none()) {
          // Operands may have become constants (a guard proved them): fold as fold does.
          Ref r = simplify(out(), region_start_, opc, a, b);
          if (!r.is_none()) return bind(i, r);
        }
        if (swappable(opc) && !b.is_none() && b.bits() < a.bits()) std::swap(a, b);
        PureKey k = key(opc, op.descr, a, b);
        if (Ref* found = pure_.find(k)) return bind(i, *found);
        Ref ops[2] = {a, b};
        Ref r = out().emit(opc, std::span<const Ref>(ops, a.is_none() ? 0 : b.is_none() ? 1 : 2), op.descr,
                           kNoSnapshot, op.type);
        bind(i, r);
        pure_.put(k, r);
        return;
      }
      std::vector<uint32_t> k = {static_cast<uint32_t>(opc), static_cast<uint32_t>(op.descr)};
      std::vector<Ref> m;
      for (Ref a : args) m.push_back(rw_.map(a)), k.push_back(m.back().bits());
      auto it = pure_long_.find(k);
      if (it != pure_long_.end()) return bind(i, it->second);
      Ref r = out().emit(opc, std::span<const Ref>(m), op.descr, kNoSnapshot, op.type);
      bind(i, r);
      pure_long_.emplace(std::move(k), r);
      return;
    }
    if (is_guard(op.opcode)) {
      int c = args.empty() ? -1
                           : guard_on_constants(out(), op.opcode, rw_.map(args[0]),
                                                args.size() > 1 ? rw_.map(args[1]) : Ref());
      if (c == 0) out().emit(Opcode::kGuardAlwaysFails, {}, kNoDescr, rw_.map_snapshot(op.snapshot));
      if (c >= 0 || guard_known(i)) {
        rw_.forward(i, Ref());
        return;
      }
    }
    if (e & effect::kCanInvalidate) not_invalidated_ = false;
    Ref r = rw_.copy(i);
    note(i, r);
    if (is_guard(op.opcode)) learn_guard(i);
  }

  // Whether guard `i` (on no constant) is implied by what the trace
  // already established.
  bool guard_known(uint32_t i) {
    const Op& op = src_.op(i);
    auto args = src_.args(op);
    Ref x = args.empty() ? Ref() : rw_.map(args[0]);
    switch (op.opcode) {
      case Opcode::kGuardTrue: return flag(nonzero_, x);
      case Opcode::kGuardNonnull: return flag(nonnull_, x);
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
        grow(x.index());
        nonzero_[x.index()] = 1;
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
        if (x.is_value()) grow(x.index()), nonnull_[x.index()] = 1;
        break;
      case Opcode::kGuardIsnull: replace(x, out().const_ref(0)); break;
      case Opcode::kGuardValue: replace(x, rw_.map(args[1])); break;
      case Opcode::kGuardClass:
        if (x.is_value()) {
          classes_[{x.index(), static_cast<uint32_t>(op.descr)}] = rw_.map(args[1]);
          grow(x.index());
          nonnull_[x.index()] = 1;
        }
        break;
      case Opcode::kGuardNotInvalidated: not_invalidated_ = true; break;
      default: break;
    }
  }

  const Trace& src_;
  Rewriter rw_;
  PureTable pure_;
  std::map<std::vector<uint32_t>, Ref> pure_long_;  // pure ops of more than two operands
  std::map<std::pair<uint32_t, uint32_t>, Ref> classes_;  // (value, class descr) -> class constant
  bool not_invalidated_ = false;
  uint32_t region_start_ = 0;  // the last label emitted
  // Per output value: the constant a guard proved it is, and guard facts.
  std::vector<Ref> known_;
  std::vector<uint8_t> nonzero_, nonnull_;
  // Source ops mapped to each output value, as linked lists in one pool.
  struct UserNode {
    uint32_t src_op, next;
  };
  std::vector<uint32_t> users_head_;  // per output value: a node, or UINT32_MAX
  std::vector<UserNode> user_nodes_;
  std::vector<uint32_t> listed_in_;  // per source op: the value whose list holds it
};

}  // namespace

Trace cse(const Trace& src) { return Cse(src).run(); }

}  // namespace pyrite::jit::opt
