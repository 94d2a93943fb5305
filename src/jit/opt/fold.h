// fold: constant folding and the peephole rules of fold.def (docs/jit_opt.md, "fold").
#pragma once

#include "jit/ir/ir.h"

namespace pyrite::jit::opt {

// Folds pure ops with constant operands through eval_pure (the IR
// interpreter's own semantics), applies fold.def's rules, reassociates
// constant chains, drops guards that hold on constants, turns a guard that
// provably fails into guard_always_fails with the same snapshot, and turns
// *_ovf ops that cannot overflow into their value (dropping the guard).
ir::Trace fold(const ir::Trace& src);

// A guard on output operands `a` (and `b`, guard_value's constant) decided
// by constants alone: 1 it holds, 0 it always fails, -1 unknown (an
// operand is not a constant, or the guard tests no value).
int guard_on_constants(const ir::Trace& out, ir::Opcode op, ir::Ref a, ir::Ref b);

// Whether a pass may swap the operands of `op`: commutative, and not a
// float result. x86's addsd/mulsd return the first operand's NaN when
// both are NaNs (and eval_pure does the same), so float_add(a, b) and
// float_add(b, a) differ in bits then; compares give 0/1 either way.
bool swappable(ir::Opcode op);

// One pure op with output operands, simplified as the folder would: the
// folded Ref, or Ref() (none) when the op must be emitted; `op`, `a`, `b`
// may be rewritten to an equivalent op (constants moved right, x - c to
// x + -c, reassociated, negated compares). Exposed for the other passes.
// Values at or before output op `region_start` (the last label) are opaque.
ir::Ref simplify(ir::Trace& out, uint32_t region_start, ir::Opcode& op, ir::Ref& a, ir::Ref& b);

}  // namespace pyrite::jit::opt
