// fold (fold.h, docs/jit_opt.md "fold").
//
// Invariant: every rewrite yields the value the IR interpreter would
// compute, bit for bit: constants go through eval_pure, and each rule of
// fold.def is an identity of wrapping 64-bit arithmetic (checked by
// JitOptFold.EveryRuleAgreesWithEvalPure on edge-case operands).
#include "jit/opt/fold.h"

#include <utility>

#include "jit/ir/ir_interp.h"
#include "jit/ir/ir_rewrite.h"
#include "jit/opt/label.h"

namespace pyrite::jit::opt {

using namespace ir;

namespace {

enum class Pattern : uint8_t { kRightZero, kRightOne, kRightMinusOne, kRightShiftZero, kLeftZero, kSame };
enum class Result : uint8_t { kLeft, kRight, kZero, kOne, kMinusOne, kInnerArg, kInner };

struct BinaryRule {
  Opcode op;
  Pattern pattern;
  Result result;
};
constexpr BinaryRule kBinaryRules[] = {
#define PYR_FOLD_BINARY(Op, P, R) {Opcode::k##Op, Pattern::k##P, Result::k##R},
#include "jit/opt/fold.def"
};
struct UnaryOfRule {
  Opcode outer, inner;
  Result result;
};
constexpr UnaryOfRule kUnaryOfRules[] = {
#define PYR_FOLD_UNARY_OF(O, I, R) {Opcode::k##O, Opcode::k##I, Result::k##R},
#include "jit/opt/fold.def"
};
constexpr std::pair<Opcode, Opcode> kNegate[] = {
#define PYR_FOLD_NEGATE(O, N) {Opcode::k##O, Opcode::k##N},
#include "jit/opt/fold.def"
};
constexpr Opcode kReassoc[] = {
#define PYR_FOLD_REASSOC(O) Opcode::k##O,
#include "jit/opt/fold.def"
};

bool is_const_int(const Trace& t, Ref r, int64_t v) {
  return r.is_const() && t.constant(r).type == Type::kInt && t.constant(r).as_int() == v;
}

bool matches(const Trace& t, Pattern p, Ref a, Ref b) {
  switch (p) {
    case Pattern::kRightZero: return is_const_int(t, b, 0);
    case Pattern::kRightOne: return is_const_int(t, b, 1);
    case Pattern::kRightMinusOne: return is_const_int(t, b, -1);
    case Pattern::kRightShiftZero:
      return b.is_const() && t.constant(b).type == Type::kInt && (t.constant(b).bits & 63) == 0;
    case Pattern::kLeftZero: return is_const_int(t, a, 0);
    case Pattern::kSame: return a == b;
  }
  return false;
}

int arity(Opcode op) {
  const char* s = op_info(op).args;
  int n = 0;
  while (s[n]) n++;
  return n;
}

Opcode plain_of_ovf(Opcode op) {
  switch (op) {
    case Opcode::kIntAddOvf: return Opcode::kIntAdd;
    case Opcode::kIntSubOvf: return Opcode::kIntSub;
    case Opcode::kIntMulOvf: return Opcode::kIntMul;
    default: return op;
  }
}

// The constant value of a rule's result, or an operand.
Ref rule_result(Trace& out, Result r, Ref a, Ref b) {
  switch (r) {
    case Result::kLeft: return a;
    case Result::kRight: return b;
    case Result::kZero: return out.const_int(0);
    case Result::kOne: return out.const_int(1);
    case Result::kMinusOne: return out.const_int(-1);
    default: return Ref();
  }
}

// The identity rules alone (no new ops): what an *_ovf op with these
// operands equals without overflowing, or none.
Ref identity(Trace& out, Opcode op, Ref a, Ref b) {
  if (swappable(op) && a.is_const() && !b.is_const()) std::swap(a, b);
  for (const BinaryRule& r : kBinaryRules)
    if (r.op == op && matches(out, r.pattern, a, b)) return rule_result(out, r.result, a, b);
  return Ref();
}

class Folder {
 public:
  explicit Folder(const Trace& src) : src_(src), rw_(src) {}

  Trace run() {
    Trace& out = rw_.out();
    for (uint32_t i = src_.num_inputs(); i < src_.num_ops(); i++) {
      const Op& op = src_.op(i);
      auto args = src_.args(op);
      Opcode opc = op.opcode;
      if (opc == Opcode::kLabel) {
        region_start_ = copy_label(rw_, i);
        continue;
      }
      if (opc == Opcode::kSameAs) {
        rw_.forward(i, rw_.map(args[0]));
        continue;
      }
      if (is_ovf(opc) && i + 1 < src_.num_ops() && is_overflow_guard(src_.op(i + 1).opcode)) {
        i += fold_ovf(i);
        continue;
      }
      if ((op_effects(opc) & effect::kPure) && !is_call(opc) && args.size() <= 2) {
        Ref a = rw_.map(args[0]);
        Ref b = args.size() > 1 ? rw_.map(args[1]) : Ref();
        Ref r = simplify(out, region_start_, opc, a, b);
        if (r.is_none()) {
          Ref ops[2] = {a, b};
          r = out.emit(opc, std::span<const Ref>(ops, arity(opc)), kNoDescr, kNoSnapshot, op.type);
        }
        rw_.forward(i, r);
        continue;
      }
      if (is_guard(opc)) {
        int holds = guard_holds(op);
        if (holds > 0) {
          rw_.forward(i, Ref());
          continue;
        }
        if (holds == 0) {
          out.emit(Opcode::kGuardAlwaysFails, {}, kNoDescr, rw_.map_snapshot(op.snapshot));
          rw_.forward(i, Ref());
          continue;
        }
      }
      rw_.copy(i);
    }
    return rw_.take();
  }

 private:
  // 1: the guard holds (drop it); 0: it provably fails; -1: unknown.
  int guard_holds(const Op& op) {
    auto args = src_.args(op);
    if (args.empty()) return -1;
    return guard_on_constants(rw_.out(), op.opcode, rw_.map(args[0]), args.size() > 1 ? rw_.map(args[1]) : Ref());
  }

  // The *_ovf op `i` and its overflow guard i+1; returns 1 (both consumed).
  uint32_t fold_ovf(uint32_t i) {
    Trace& out = rw_.out();
    auto args = src_.args(i);
    Ref a = rw_.map(args[0]), b = rw_.map(args[1]);
    const Op& guard = src_.op(i + 1);
    Ref value;
    bool ovf = false;
    if (a.is_const() && b.is_const()) {
      uint64_t x[2] = {out.constant(a).bits, out.constant(b).bits};
      uint64_t r;
      if (eval_pure(src_.op(i).opcode, x, &r, &ovf)) value = out.const_int(static_cast<int64_t>(r));
    } else {
      value = identity(out, plain_of_ovf(src_.op(i).opcode), a, b);
    }
    if (value.is_none()) {
      rw_.copy(i);
      rw_.copy(i + 1);
      return 1;
    }
    rw_.forward(i, value);
    bool holds = (guard.opcode == Opcode::kGuardNoOverflow) != ovf;
    if (!holds) out.emit(Opcode::kGuardAlwaysFails, {}, kNoDescr, rw_.map_snapshot(guard.snapshot));
    rw_.forward(i + 1, Ref());
    return 1;
  }

  const Trace& src_;
  Rewriter rw_;
  uint32_t region_start_ = 0;
};

}  // namespace

bool swappable(Opcode op) {
  return (op_effects(op) & effect::kCommutative) && fixed_result_type(op) != Type::kFloat;
}

Ref simplify(Trace& out, uint32_t region_start, Opcode& op, Ref& a, Ref& b) {
  for (int round = 0; round < 8; round++) {
    int n = arity(op);
    if (a.is_const() && (n == 1 || b.is_const())) {
      uint64_t x[2] = {out.constant(a).bits, n > 1 ? out.constant(b).bits : 0};
      uint64_t r;
      bool ovf;
      if (eval_pure(op, x, &r, &ovf)) return out.intern(*fixed_result_type(op), r);
      return Ref();
    }
    if (n == 2) {
      if (swappable(op) && a.is_const() && !b.is_const()) std::swap(a, b);
      if (op == Opcode::kIntSub && b.is_const() && out.constant(b).type == Type::kInt) {
        op = Opcode::kIntAdd;
        b = out.const_int(static_cast<int64_t>(0 - out.constant(b).bits));
        continue;
      }
      for (const BinaryRule& r : kBinaryRules)
        if (r.op == op && matches(out, r.pattern, a, b)) return rule_result(out, r.result, a, b);
      if (op == Opcode::kIntSub && out.type_of(a) == Type::kInt) {
        // (x + c1) - (x + c2) = c1 - c2, either side maybe x itself.
        auto split = [&](Ref v, int64_t* off) {
          *off = 0;
          if (!definition_visible(v, region_start)) return v;
          const Op& d = out.op(v.index());
          if (d.opcode != Opcode::kIntAdd || !out.arg(v.index(), 1).is_const()) return v;
          *off = out.constant(out.arg(v.index(), 1)).as_int();
          return out.arg(v.index(), 0);
        };
        int64_t ca, cb;
        if (split(a, &ca) == split(b, &cb))
          return out.const_int(static_cast<int64_t>(static_cast<uint64_t>(ca) - static_cast<uint64_t>(cb)));
      }
      if (b.is_const() && definition_visible(a, region_start)) {
        const Op& inner = out.op(a.index());
        Ref ib = inner.num_args == 2 ? out.arg(a.index(), 1) : Ref();
        bool reassoc = false;
        for (Opcode o : kReassoc) reassoc |= o == op;
        if (reassoc && inner.opcode == op && ib.is_const()) {
          uint64_t x[2] = {out.constant(ib).bits, out.constant(b).bits};
          uint64_t r;
          bool ovf;
          eval_pure(op, x, &r, &ovf);
          a = out.arg(a.index(), 0);
          b = out.const_int(static_cast<int64_t>(r));
          continue;
        }
      }
      return Ref();
    }
    // Unary.
    if (!definition_visible(a, region_start)) return Ref();
    const Op& inner = out.op(a.index());
    bool changed = false;
    for (const UnaryOfRule& r : kUnaryOfRules) {
      if (r.outer != op || r.inner != inner.opcode) continue;
      return r.result == Result::kInnerArg ? out.arg(a.index(), 0) : a;
    }
    if (op == Opcode::kIntIsZero) {
      for (auto [from, to] : kNegate) {
        if (from != inner.opcode) continue;
        op = to;
        Ref ia = out.arg(a.index(), 0);
        b = inner.num_args == 2 ? out.arg(a.index(), 1) : Ref();
        a = ia;
        changed = true;
        break;
      }
    }
    if (!changed) return Ref();
  }
  return Ref();
}

int guard_on_constants(const Trace& out, Opcode op, Ref a, Ref b) {
  if (a.is_none() || !a.is_const()) return -1;
  uint64_t x = out.constant(a).bits;
  switch (op) {
    case Opcode::kGuardTrue:
    case Opcode::kGuardNonnull: return x != 0;
    case Opcode::kGuardFalse:
    case Opcode::kGuardIsnull: return x == 0;
    case Opcode::kGuardValue: return b.is_const() ? out.constant(b).bits == x : -1;
    default: return -1;
  }
}

Trace fold(const Trace& src) { return Folder(src).run(); }

}  // namespace pyrite::jit::opt
